import Logging

/// How `counted serve` runs. Every field has a flag and an environment variable, documented in
/// docs/configuration.md; the defaults give a working server on a laptop with no set-up.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Sets the `Secure` attribute on the session cookie: turn on behind HTTPS.
    public var secureCookies: Bool
    /// bcrypt cost for new passwords; lowered only in tests.
    public var passwordCost: UInt8
    /// How long a browser session lasts without use.
    public var sessionHours: Int
    /// The largest request body accepted (questionnaire uploads, submissions).
    public var maxBodyBytes: Int
    /// How long a process answers anonymous readers of a public barometer from what it last read
    /// of the project (its public rounds, its framework) before asking the database again. A
    /// publication, unpublication or an embargo's end shows within this time in every process.
    public var publicFreshness: Duration

    public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false,
                passwordCost: UInt8 = 12, sessionHours: Int = 12, maxBodyBytes: Int = 10 * 1024 * 1024,
                publicFreshness: Duration = .seconds(1)) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.passwordCost = passwordCost
        self.sessionHours = sessionHours
        self.maxBodyBytes = maxBodyBytes
        self.publicFreshness = publicFreshness
    }
}
