import Foundation
import Forms

/// A starter kit: a framework with its questionnaires, a README for the organisation using it, and
/// a synthetic population with known true values. Organisations start from a kit and adapt it
/// rather than from a blank page. This type reads a kit's files; finding them is the caller's job.
public struct Kit: Sendable {
    /// The folder name, e.g. "disability-barometer".
    public var name: String
    public var framework: Framework
    /// The framework file as written, kept so a project stores what the organisation can edit.
    public var frameworkSource: String
    /// In the framework's order.
    public var questionnaires: [KitQuestionnaire]
    public var readme: String
    public var synthetic: SyntheticModel?

    /// The file names a kit has besides its questionnaires.
    public static let frameworkFile = "framework.yaml", readmeFile = "README.md", syntheticFile = "synthetic.yaml"

    /// Reads a kit from its files (name -> contents), checking the framework against the
    /// questionnaires and the synthetic model against the framework.
    public init(name: String, files: [String: Data]) throws(KitError) {
        self.name = name
        guard let frameworkData = files[Self.frameworkFile], let frameworkText = String(data: frameworkData, encoding: .utf8) else {
            throw KitError(kit: name, problems: ["\(Self.frameworkFile) is missing or not UTF-8 text."])
        }
        frameworkSource = frameworkText
        // The questionnaires first: the framework is checked against them.
        var problems: [String] = []
        var forms: [String: FormDefinition] = [:]
        var loaded: [(file: String, form: FormDefinition, source: Data)] = []
        for file in Self.questionnaireFiles(in: frameworkText) {
            guard let data = files[file] else {
                problems.append("\(file), named in \(Self.frameworkFile), is missing.")
                continue
            }
            do {
                let form = try XLSFormFile.read(data, fileName: file, fallbackFormID: XLSFormFile.defaultFormID(fileName: file))
                forms[form.settings.formID ?? XLSFormFile.defaultFormID(fileName: file)] = form
                loaded.append((file, form, data))
            } catch {
                problems.append(contentsOf: error.problems.map(\.description))
            }
        }
        do {
            framework = try FrameworkFile.read(frameworkText, fileName: Self.frameworkFile, forms: problems.isEmpty ? forms : nil)
        } catch {
            throw KitError(kit: name, problems: problems + error.problems.map(\.description))
        }
        guard problems.isEmpty else { throw KitError(kit: name, problems: problems) }
        questionnaires = framework.questionnaires.compactMap { entry in
            loaded.first { $0.file == entry.file }.map { KitQuestionnaire(entry: entry, form: $0.form, source: $0.source) }
        }
        readme = files[Self.readmeFile].flatMap { String(data: $0, encoding: .utf8) } ?? ""
        if let data = files[Self.syntheticFile] {
            do {
                synthetic = try SyntheticModelFile.read(String(decoding: data, as: UTF8.self), fileName: Self.syntheticFile)
            } catch {
                throw KitError(kit: name, problems: error.problems.map(\.description))
            }
        } else {
            synthetic = nil
        }
    }

    /// The `file:` entries of a framework file's questionnaires, read leniently so that the
    /// questionnaires can be loaded before the framework is checked against them.
    static func questionnaireFiles(in frameworkText: String) -> [String] {
        var reader = YAMLReader(fileName: frameworkFile)
        guard let root = reader.root(of: frameworkText), let top = root.node.mapping,
              let list = top["questionnaires"]?.sequence else { return [] }
        return list.compactMap { $0.mapping?["file"]?.string }
    }
}

/// A kit's questionnaire: the XLSForm as shipped and as read.
public struct KitQuestionnaire: Sendable {
    public var entry: FrameworkQuestionnaire
    public var form: FormDefinition
    /// The XLSForm file's bytes.
    public var source: Data
}

/// Why a kit could not be loaded: its problems, each naming its file.
public struct KitError: Error, Sendable, Equatable, CustomStringConvertible {
    public var kit: String
    public var problems: [String]

    public init(kit: String, problems: [String]) {
        self.kit = kit
        self.problems = problems
    }

    public var description: String {
        "Kit '\(kit)' cannot be loaded:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
