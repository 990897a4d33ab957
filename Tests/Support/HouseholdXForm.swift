import Accounts
import Foundation
import Forms
import Storage

/// The household form of `Tests/Fixtures/openrosa`: its XForm as pyxform wrote it, the matching
/// `FormDefinition` built in code, a submission as ODK Collect writes it, and its photo.
public enum HouseholdXForm {
    public static let formID = "household"
    public static let version = "2024110101"
    public static let instanceID = "uuid:6f1c0e2a-6a57-4b43-9f0e-1d3f0b6b3c11"
    public static let photoName = "1730787123456.jpg"

    public static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/openrosa")
    }

    public static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(name))
    }

    public static var xform: String {
        get throws { String(decoding: try fixture("household.xml"), as: UTF8.self) }
    }

    public static var submission: Data {
        get throws { try fixture("submission.xml") }
    }

    public static var photo: Data {
        get throws { try fixture("photo.jpg") }
    }

    /// The submission with `old` replaced by `new` (for tampered copies and edits).
    public static func submission(replacing old: String, with new: String) throws -> Data {
        Data(String(decoding: try submission, as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
    }

    public static let definition = FormDefinition(
        settings: FormSettings(formTitle: "Household visit", formID: formID, version: version),
        elements: [
            FormElement(name: "start", type: .metadata(.start)),
            FormElement(name: "village", type: .text, label: LocalizedText(plain: "Village"), required: "yes"),
            FormElement(name: "visit_date", type: .date, label: LocalizedText(plain: "Date of the visit"), required: "yes"),
            FormElement(name: "location", type: .geopoint, label: LocalizedText(plain: "Location")),
            FormElement(name: "photo", type: .image, label: LocalizedText(plain: "Photo of the house")),
            FormElement(name: "household", type: .group, children: [
                FormElement(name: "size", type: .integer, label: LocalizedText(plain: "How many people live here?"), required: "yes",
                            constraint: ". > 0 and . < 50"),
                FormElement(name: "income", type: .decimal, label: LocalizedText(plain: "Monthly income"), constraint: ". >= 0"),
                FormElement(name: "services", type: .selectMultiple(list: "services", orOther: false), label: LocalizedText(plain: "Services available")),
            ], label: LocalizedText(plain: "Household")),
            FormElement(name: "people", type: .repeat, children: [
                FormElement(name: "name", type: .text, label: LocalizedText(plain: "Name"), required: "yes"),
                FormElement(name: "age", type: .integer, label: LocalizedText(plain: "Age"), required: "yes"),
                FormElement(name: "disability", type: .selectOne(list: "yes_no", orOther: false), label: LocalizedText(plain: "Disability?"),
                            relevant: "${age} > 5"),
                FormElement(name: "child", type: .repeat, children: [
                    FormElement(name: "child_name", type: .text, label: LocalizedText(plain: "Child's name")),
                ], label: LocalizedText(plain: "Children")),
            ], label: LocalizedText(plain: "People")),
            FormElement(name: "visited_at", type: .dateTime, label: LocalizedText(plain: "When")),
            FormElement(name: "visit_time", type: .time, label: LocalizedText(plain: "Time")),
            FormElement(name: "thanks", type: .note, label: LocalizedText(plain: "Thank you")),
        ],
        choiceLists: [
            FormChoiceList(name: "yes_no", choices: [FormChoice(name: "yes", label: LocalizedText(plain: "Yes")),
                                                     FormChoice(name: "no", label: LocalizedText(plain: "No"))]),
            FormChoiceList(name: "services", choices: [FormChoice(name: "water", label: LocalizedText(plain: "Water")),
                                                       FormChoice(name: "power", label: LocalizedText(plain: "Electricity")),
                                                       FormChoice(name: "school", label: LocalizedText(plain: "School"))]),
        ])

    /// The web-form model of the same version (top-level questions the old model can express).
    public static let questionnaire = Questionnaire(
        formID: formID, title: "Household visit", version: version,
        questions: [Question(name: "village", type: .text, label: "Village", required: true)], choiceLists: [])

    /// Adds the household form, with its XForm (and `media`), to a project.
    @discardableResult
    public static func publish(in store: Store, projectID: String, media: [FormMediaFile] = [], createdBy: String? = nil) async throws -> StoredForm {
        try await store.addFormVersion(projectID: projectID, questionnaire: questionnaire, sourceName: "household.md",
                                       source: String(decoding: try fixture("household.md"), as: UTF8.self), createdBy: createdBy,
                                       xform: XFormVersion(xform: try xform, definition: definition, media: media))
    }

    /// A media file for the form's manifest.
    public static func mediaFile(_ name: String, _ text: String, type: String = "text/csv") -> FormMediaFile {
        let data = Data(text.utf8)
        return FormMediaFile(name: name, contentType: type, content: data, md5: ContentDigest.md5(data))
    }

    /// A `multipart/form-data` body as ODK Collect sends it: the XML part, then one part per file.
    public static func multipart(xml: Data, attachments: [(name: String, type: String, data: Data)] = [],
                                 boundary: String = "----CollectBoundary7d93b1") -> Data {
        var body = Data()
        func line(_ text: String) { body.append(Data((text + "\r\n").utf8)) }
        line("--\(boundary)")
        line("Content-Disposition: form-data; name=\"xml_submission_file\"; filename=\"submission.xml\"")
        line("Content-Type: text/xml")
        line("")
        body.append(xml)
        line("")
        for attachment in attachments {
            line("--\(boundary)")
            line("Content-Disposition: form-data; name=\"\(attachment.name)\"; filename=\"\(attachment.name)\"")
            line("Content-Type: \(attachment.type)")
            line("")
            body.append(attachment.data)
            line("")
        }
        line("--\(boundary)--")
        return body
    }

    public static let multipartContentType = "multipart/form-data; boundary=----CollectBoundary7d93b1"
}
