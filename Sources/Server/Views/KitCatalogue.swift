import Frameworks
import Kits
import Logging

/// The starter kits offered on the new-project page, read and checked once: they ship with the
/// program and do not change while it runs. A kit that cannot be read is left off the list (and
/// logged) rather than offered and refused.
enum KitCatalogue {
    /// Every kit in the library's order, loaded or with why not.
    static let entries: [(name: String, kit: Result<Kit, KitError>)] = KitLibrary.names.map { name in
        (name, Result { () throws(KitError) -> Kit in try KitLibrary.load(name) })
    }

    /// The kits that can be used.
    static var available: [Kit] {
        entries.compactMap { try? $0.kit.get() }
    }

    /// The kit with `name`, or why it cannot be used.
    static func kit(named name: String) throws(PageError) -> Kit {
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw PageError(.unprocessableContent, "There is no kit '\(name)'. Choose one of the kits listed, or no kit.")
        }
        switch entry.kit {
        case .success(let kit): return kit
        case .failure(let error): throw PageError(.unprocessableContent, error.description)
        }
    }

    /// The kits as choices of the new-project form, with the chosen one (if any) checked.
    static func choices(selected: String?, logger: Logger) -> [[String: Any]] {
        entries.compactMap { entry -> [String: Any]? in
            switch entry.kit {
            case .success(let kit):
                let framework = kit.framework
                let language = framework.defaultLanguage
                return [
                    "name": kit.name, "title": framework.title.text(in: language), "lang": language ?? FrameworkLanguage.interface,
                    "indicatorCount": framework.indicators.count,
                    "forms": kit.questionnaires.map(\.entry.form).joined(separator: ", "), "checked": kit.name == selected,
                ]
            case .failure(let error):
                logger.warning("kit left off the new-project page", metadata: ["kit": "\(entry.name)", "error": "\(error)"])
                return nil
            }
        }
    }
}
