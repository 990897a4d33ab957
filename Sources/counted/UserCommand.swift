import Accounts
import ArgumentParser
import Foundation
import Storage

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Create accounts and API tokens.", subcommands: [Add.self, Token.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account (use --admin for the first administrator).")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "E-mail address to sign in with.") var email: String
        @Option(help: "Name shown in the interface (default: the part of the e-mail before @).") var name: String?
        @Flag(help: "Make the account an administrator (creates organisations and projects, acts in every project).") var admin = false
        @Flag(help: "Read the password from standard input instead of prompting.") var passwordStdin = false

        func run() async throws {
            let address: EmailAddress
            do { address = try EmailAddress(email) } catch { throw ValidationError(error.description) }
            let password = try PasswordInput.read(fromStandardInput: passwordStdin)
            let hash: String
            do { hash = try PasswordHasher().hash(password) } catch { throw CommandFailure(error) }
            let displayName = name ?? String(address.value.prefix { $0 != "@" })
            let isAdmin = admin
            do {
                let user = try await Store.withStore(try database.location(), logger: .init(label: "counted")) { store in
                    try await store.createUser(email: address, name: displayName, passwordHash: hash, isAdministrator: isAdmin)
                }
                print("Created \(user.isAdministrator ? "administrator" : "user") \(user.email).")
            } catch let error as StorageError {
                throw CommandFailure(error)
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API token for scripts; it is printed once.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The account the token acts as.") var email: String
        @Option(help: "What the token is for.") var name = "API token"

        func run() async throws {
            let address: EmailAddress
            do { address = try EmailAddress(email) } catch { throw ValidationError(error.description) }
            let token = SecretToken.generate(prefix: "ctd_")
            let label = name
            try await Store.withStore(try database.location(), logger: .init(label: "counted")) { store in
                guard let user = try await store.user(email: address) else { throw CommandFailure(message: "No account for \(address).") }
                try await store.addAPIToken(userID: user.id, name: label, digest: token.digest)
            }
            print(token.value)
        }
    }
}

/// Reads a password without echoing it, or from standard input for scripts.
enum PasswordInput {
    static func read(fromStandardInput: Bool) throws -> String {
        if fromStandardInput {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("No password on standard input.")
            }
            return line
        }
        guard isatty(STDIN_FILENO) == 1 else { throw ValidationError("Standard input is not a terminal: use --password-stdin.") }
        let first = try prompt("Password: ")
        let second = try prompt("Password again: ")
        guard first == second else { throw ValidationError("The two passwords differ.") }
        return first
    }

    private static func prompt(_ text: String) throws -> String {
        print(text, terminator: "")
        fflush(nil)
        var settings = termios()
        tcgetattr(STDIN_FILENO, &settings)
        let original = settings
        settings.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &settings)
        defer {
            var restore = original
            tcsetattr(STDIN_FILENO, TCSANOW, &restore)
            print("")
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
