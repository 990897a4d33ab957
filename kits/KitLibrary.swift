import Foundation
import Frameworks

/// The starter kits that ship with Counted. Each folder beside this file is a kit (see
/// docs/frameworks.md); the folders are bundled into the program, so `counted project create
/// --kit` works wherever Counted is installed.
public enum KitLibrary {
    /// The kits, by folder name.
    public static let names = ["disability-barometer", "human-rights-defenders", "indigenous-rights", "lgbti-barometer"]

    /// Reads and checks one kit.
    public static func load(_ name: String) throws(KitError) -> Kit {
        guard names.contains(name) else {
            throw KitError(kit: name, problems: ["There is no such kit. The kits are: \(names.joined(separator: ", "))."])
        }
        guard let folder = Bundle.module.url(forResource: name, withExtension: nil) else {
            throw KitError(kit: name, problems: ["The kit's files are not installed with this program."])
        }
        var files: [String: Data] = [:]
        let contents = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        for url in contents {
            if let data = try? Data(contentsOf: url) { files[url.lastPathComponent] = data }
        }
        return try Kit(name: name, files: files)
    }

    /// Every kit, checked.
    public static func all() throws(KitError) -> [Kit] {
        try names.map { (name) throws(KitError) in try load(name) }
    }
}
