import ArgumentParser
import Forms
import Foundation
import Frameworks
import Kits
import Storage
import Survey

/// `counted framework ...`: check, import and export framework files, list the kits, import
/// reference values, and compute a framework's indicators.
struct FrameworkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "framework", abstract: "Check, import, export and compute frameworks; list kits; import reference values.",
        subcommands: [Check.self, Import.self, Export.self, Kits.self, Reference.self, Compute.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a framework file against its questionnaires (the files it names, beside it).",
            discussion: "Prints one problem per line (file, line, field) and exits 1, or a summary and exits 0.")

        @Argument(help: "The framework file (YAML).") var file: String

        func run() async throws {
            let url = URL(fileURLWithPath: file)
            let folder = url.deletingLastPathComponent()
            var files: [String: Data] = [:]
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) { files[name] = data }
            }
            guard let data = FileManager.default.contents(atPath: url.path) else { throw CommandFailure(message: "\(file): cannot read the file.") }
            files[Kit.frameworkFile] = data
            do {
                let kit = try Kit(name: folder.lastPathComponent, files: files)
                let framework = kit.framework
                print("\(url.lastPathComponent): framework \(framework.id) \(framework.version), \(framework.themes.count) themes, "
                    + "\(framework.indicators.count) indicators, \(framework.groups.count) groups, \(kit.questionnaires.count) questionnaires.")
            } catch {
                for problem in error.problems { print(problem) }
                throw ExitCode(1)
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a project's framework from a file, checked against the project's questionnaires.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Project address.") var project: String
        @Argument(help: "The framework file (YAML).") var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure(message: "\(file): cannot read the file.") }
            let text = String(decoding: data, as: UTF8.self)
            let fileName = URL(fileURLWithPath: file).lastPathComponent
            let slug = project
            let framework = try await Store.withStore(try database.location(), logger: .init(label: "counted")) { store in
                guard let project = try await store.project(slug: slug) else { throw CommandFailure(message: "No project '\(slug)'.") }
                var forms: [String: FormDefinition] = [:]
                for form in try await store.forms(projectID: project.id) {
                    if let definition = try await store.latestFormDefinition(projectID: project.id, formID: form.formID) { forms[form.formID] = definition }
                }
                let framework: Framework
                do { framework = try FrameworkFile.read(text, fileName: fileName, forms: forms) } catch { throw CommandFailure(error) }
                try await store.saveFramework(framework, fileName: fileName, source: text, projectID: project.id, actorID: nil)
                return framework
            }
            print("Project \(slug) now has framework \(framework.id) (\(framework.indicators.count) indicators).")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a project's framework file as it was imported.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Project address.") var project: String
        @Argument(help: "Where to write it; standard output if left out.") var output: String?

        func run() async throws {
            let slug = project
            let stored = try await Store.withStore(try database.location(), logger: .init(label: "counted")) { store in
                guard let project = try await store.project(slug: slug) else { throw CommandFailure(message: "No project '\(slug)'.") }
                guard let stored = try await store.framework(projectID: project.id) else { throw CommandFailure(message: "Project '\(slug)' has no framework.") }
                return stored
            }
            if let output {
                do { try Data(stored.source.utf8).write(to: URL(fileURLWithPath: output)) } catch { throw CommandFailure(message: "\(output): \(error.localizedDescription)") }
            } else {
                print(stored.source, terminator: stored.source.hasSuffix("\n") ? "" : "\n")
            }
        }
    }

    struct Kits: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the starter kits.")

        func run() async throws {
            for name in KitLibrary.names {
                do {
                    let kit = try KitLibrary.load(name)
                    print("\(name)\t\(kit.framework.title.text(in: "en"))\t\(kit.framework.indicators.count) indicators, languages \(kit.framework.languages.joined(separator: ", "))")
                } catch {
                    print("\(name)\tcannot be loaded: \(error.problems.first ?? "")")
                }
            }
        }
    }

    struct Reference: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import reference values (official statistics for the general population) into a project.",
            discussion: "CSV with columns indicator, period, value, standard_error, source and one per dimension (SEX, AGE ...), or SDMX-CSV.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Project address.") var project: String
        @Option(help: ArgumentHelp("An SDMX series and the indicator it is the reference for.", valueName: "SERIES=CODE")) var series: [String] = []
        @Option(help: "The source of rows that name none.") var source: String?
        @Argument(help: "The CSV file.") var file: String

        func run() async throws {
            var mapping: [String: String] = [:]
            for pair in series {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw ValidationError("--series needs SERIES=CODE, not '\(pair)'.") }
                mapping[parts[0]] = parts[1]
            }
            guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure(message: "\(file): cannot read the file.") }
            let text = String(decoding: data, as: UTF8.self)
            let fileName = URL(fileURLWithPath: file).lastPathComponent
            let (slug, source) = (project, self.source)
            let count = try await Store.withStore(try database.location(), logger: .init(label: "counted")) { store in
                guard let project = try await store.project(slug: slug) else { throw CommandFailure(message: "No project '\(slug)'.") }
                guard let stored = try await store.framework(projectID: project.id) else { throw CommandFailure(message: "Project '\(slug)' has no framework.") }
                let values: [ReferenceValue]
                do {
                    values = try ReferenceValuesFile.read(text, fileName: fileName, framework: stored.framework, series: mapping, defaultSource: source)
                } catch { throw CommandFailure(error) }
                try await store.saveReferenceValues(values, projectID: project.id, actorID: nil)
                return values.count
            }
            print("Imported \(count) reference values into \(slug).")
        }
    }

    struct Compute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute a framework's indicators, as CSV.",
            discussion: "From a project's submissions (--project), or from a kit's synthetic population (--kit), to try a kit before collecting.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Project address.") var project: String?
        @Option(help: "A kit whose synthetic population to draw.") var kit: String?

        func run() async throws {
            let framework: Framework
            let submissions: [String: [[String: String]]]
            switch (project, kit) {
            case (let slug?, nil):
                (framework, submissions) = try await Store.withStore(try database.location(), logger: .init(label: "counted")) { store in
                    guard let project = try await store.project(slug: slug) else { throw CommandFailure(message: "No project '\(slug)'.") }
                    guard let stored = try await store.framework(projectID: project.id) else { throw CommandFailure(message: "Project '\(slug)' has no framework.") }
                    var submissions: [String: [[String: String]]] = [:]
                    for questionnaire in stored.framework.questionnaires {
                        submissions[questionnaire.form] = try await store.answerRows(projectID: project.id, formID: questionnaire.form)
                    }
                    return (stored.framework, submissions)
                }
            case (nil, let name?):
                let kit: Kit
                do { kit = try KitLibrary.load(name) } catch { throw CommandFailure(error) }
                guard let model = kit.synthetic else { throw CommandFailure(message: "Kit \(name) has no synthetic population.") }
                (framework, submissions) = (kit.framework, SyntheticGenerator.generate(model))
            default:
                throw ValidationError("Give either --project or --kit.")
            }
            let results = await FrameworkComputation.compute(framework, submissions: submissions)
            print(FrameworkResultsCSV.text(results))
        }
    }
}
