import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Synchronization

/// The real `counted` binary, started as a separate process: for the tests that are about the
/// process itself (SIGKILL right after an answer, SIGTERM, the command line).
public final class ServerProcess: Sendable {
    public let process: Process
    public let port: Int
    private let output: OutputCollector

    /// `counted` as built next to the test bundle by `swift build --build-tests`.
    public static var binary: URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = here.deletingLastPathComponent()
        // On Linux the test runner is `<build>/countedPackageTests.xctest`; on macOS it is inside a bundle.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("counted").path), directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("counted")
    }

    /// Runs `counted ARGUMENTS` to completion and returns its exit status and output.
    ///
    /// Waits without blocking a thread: Swift's cooperative pool has one thread per core, and a
    /// blocking wait (`waitUntilExit`, `readDataToEndOfFile`) on each of them stalls every test.
    public static func run(_ arguments: [String], standardInput: String? = nil, environment: [String: String] = [:]) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = OutputCollector()
        process.standardOutput = output.pipe
        process.standardError = output.pipe
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let standardInput { input.fileHandleForWriting.write(Data(standardInput.utf8)) }
        try input.fileHandleForWriting.close()
        let deadline = ContinuousClock.now + .seconds(120)
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.terminate()
                throw ProcessFailure("counted \(arguments.joined(separator: " ")) did not finish; its output:\n\(output.text)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        try await output.waitForEnd(seconds: 5)
        return (process.terminationStatus, output.text)
    }

    /// Starts `counted serve --port 0 ARGUMENTS` and waits until it says where it listens.
    public static func start(_ arguments: [String], environment: [String: String] = [:]) async throws -> ServerProcess {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0", "--log-level", "warning"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["COUNTED_PASSWORD_COST": "4"].merging(environment) { $1 }) { $1 }
        let output = OutputCollector()
        process.standardOutput = output.pipe
        process.standardError = output.pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            if let port = output.port { return ServerProcess(process: process, port: port, output: output) }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw ProcessFailure("counted serve did not start; its output:\n\(output.text)")
    }

    private init(process: Process, port: Int, output: OutputCollector) {
        self.process = process
        self.port = port
        self.output = output
    }

    public var outputText: String { output.text }

    public func url(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)")!
    }

    /// Sends a request and returns the status and body.
    ///
    /// Uses Hummingbird's NIO test client rather than URLSession: on Linux an async URLSession
    /// request to a server that has gone away can wait forever, which stalls the whole run.
    public func request(_ method: String, _ path: String, token: String? = nil, json: String? = nil) async throws -> (status: Int, body: String) {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(string: json)
        }
        let request = TestClient.Request(path, method: HTTPRequest.Method(method) ?? .get, authority: "127.0.0.1:\(port)", headers: headers, body: body)
        let response = try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(30))) { client in
            try await client.execute(request)
        }
        return (Int(response.status.code), response.body.map { String(buffer: $0) } ?? "")
    }

    /// Sends a request with any headers and a binary body; returns status, headers and body bytes.
    public func send(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = [:], body: Data? = nil) async throws
        -> (status: Int, headers: HTTPFields, body: Data) {
        let request = TestClient.Request(path, method: method, authority: "127.0.0.1:\(port)", headers: headers,
                                         body: body.map { ByteBuffer(bytes: $0) })
        let response = try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(30))) { client in
            try await client.execute(request)
        }
        return (Int(response.status.code), response.headers, response.body.map { Data($0.readableBytesView) } ?? Data())
    }

    public func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end; nil if it is still running after `seconds`.
    public func waitForExit(seconds: Double) async throws -> Int32? {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while process.isRunning {
            if ContinuousClock.now > deadline { return nil }
            try await Task.sleep(for: .milliseconds(50))
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// What a process printed so far (read as it arrives, on Foundation's own thread), and the
/// port from a server's "running at" line.
private final class OutputCollector: Sendable {
    let pipe = Pipe()
    private let buffer = Mutex(Data())
    private let ended = Mutex(false)

    init() {
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                self?.ended.withLock { $0 = true }
            } else {
                self?.buffer.withLock { $0.append(data) }
            }
        }
    }

    /// Waits for the end of the output, or at most `seconds` (a process started meanwhile by
    /// another test may have inherited the pipe and keep it open).
    func waitForEnd(seconds: Double) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while !ended.withLock({ $0 }) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    var text: String { buffer.withLock { String(decoding: $0, as: UTF8.self) } }

    var port: Int? {
        let text = self.text
        guard let range = text.range(of: "running at http://127.0.0.1:") else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isNumber }
        return Int(digits)
    }
}

public struct ProcessFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
