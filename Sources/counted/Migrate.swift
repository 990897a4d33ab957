import ArgumentParser
import Storage

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring the database schema up to date and print its version (serve does this on start too).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let location = try database.location()
        do {
            let version = try await Store.withStore(location, logger: .init(label: "counted")) { store in try await store.schemaVersion() }
            print("\(location): schema version \(version).")
        } catch let error as StorageError {
            throw CommandFailure(error)
        }
    }
}
