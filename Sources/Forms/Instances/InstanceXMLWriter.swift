import Foundation

/// Writes a submission's XML from answers keyed by question name, nested in the form's groups as
/// ODK Collect would send it. Synthetic data, imports and tests reach the store by the same road
/// as a real submission; forms with repeats are not written (their answers are not flat).
public enum InstanceXMLWriter {
    /// - Returns: nil when the form has a repeat.
    public static func write(form: FormDefinition, answers: [String: String], instanceID: String) -> Data? {
        let root = form.settings.rootName ?? "data"
        var xml = #"<?xml version="1.0"?>"#
        xml += "<\(root) id=\"\(escaped(form.settings.formID ?? root))\""
        if let version = form.settings.version { xml += " version=\"\(escaped(version))\"" }
        xml += ">"
        guard append(form.elements, answers: answers, to: &xml) else { return nil }
        xml += "<meta><instanceID>\(escaped(instanceID))</instanceID></meta></\(root)>"
        return Data(xml.utf8)
    }

    private static func append(_ elements: [FormElement], answers: [String: String], to xml: inout String) -> Bool {
        for element in elements {
            switch element.type {
            case .repeat:
                return false
            case .group:
                xml += "<\(element.name)>"
                guard append(element.children, answers: answers, to: &xml) else { return false }
                xml += "</\(element.name)>"
            case .metadata, .note:
                continue
            default:
                if let value = answers[element.name], !value.isEmpty {
                    xml += "<\(element.name)>\(escaped(value))</\(element.name)>"
                } else {
                    xml += "<\(element.name)/>"
                }
            }
        }
        return true
    }

    private static func escaped(_ text: String) -> String {
        text.xmlEscaped(quotes: true)
    }
}
