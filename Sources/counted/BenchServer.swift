import NIOCore
import NIOHTTP1
import Foundation
import Logging
import Server
import ServiceLifecycle
import Storage

/// The real server, started in this process on a free loopback port for a benchmark, and shut
/// down gracefully when the benchmark is done (or fails).
enum BenchServer {
    static func run<R: Sendable>(store: Store, logger: Logger, _ body: (LoopbackHTTPClient) async throws -> R) async throws -> R {
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        let app = try await buildApplication(store: store, configuration: configuration, logger: logger) { port in
            portContinuation.yield(port)
            portContinuation.finish()
        }
        let services = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let server = Task { try await services.run() }
        let result: R
        do {
            guard let port = try await firstPort(ports) else {
                throw BenchFailure("The server did not start listening within 30 seconds.")
            }
            result = try await body(try LoopbackHTTPClient(host: "127.0.0.1", port: port))
        } catch {
            await services.triggerGracefulShutdown()
            _ = try? await server.value
            throw error
        }
        await services.triggerGracefulShutdown()
        try await server.value
        return result
    }

    private static func firstPort(_ ports: AsyncStream<Int>) async throws -> Int? {
        try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask { await ports.first { _ in true } }
            group.addTask {
                try await Task.sleep(for: .seconds(30))
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }
}

/// One level of load: `count` requests from `clients` concurrent keep-alive connections, each
/// answer checked, with the latency of every request.
struct BenchLoad: Sendable {
    /// A request to send, and the status its answer must have.
    struct Request: Sendable {
        var method: NIOHTTP1.HTTPMethod
        var path: String
        var headers: [(String, String)]
        var body: ByteBuffer
        var expectedStatus: Int
    }

    let clients: Int
    let count: Int
    let timeLimit: Int

    func run(client: LoopbackHTTPClient, request: @escaping @Sendable (Int) -> Request) async throws -> LatencySummary {
        let (clients, count, limit) = (self.clients, self.count, timeLimit)
        let deadline = ContinuousClock.now + .seconds(limit)
        let started = ContinuousClock.now
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for lane in 0..<min(clients, count) {
                group.addTask {
                    try await client.withConnection { connection in
                        var latencies: [Double] = []
                        for index in stride(from: lane, to: count, by: clients) {
                            guard ContinuousClock.now < deadline else {
                                throw BenchFailure("The level with \(clients) clients did not finish within \(limit) seconds (see --time-limit).")
                            }
                            let wanted = request(index)
                            let sent = ContinuousClock.now
                            let answer = try await connection.send(method: wanted.method, path: wanted.path, headers: wanted.headers, body: wanted.body)
                            latencies.append((ContinuousClock.now - sent).seconds)
                            guard answer.status == wanted.expectedStatus else {
                                throw BenchFailure("Request \(index) (\(wanted.method) \(wanted.path)) at \(clients) clients was answered \(answer.status), not \(wanted.expectedStatus): \(answer.body.prefix(500))")
                            }
                        }
                        return latencies
                    }
                }
            }
            var all: [Double] = []
            for try await lane in group { all += lane }
            return all
        }
        return LatencySummary(clients: clients, latencies: latencies, seconds: (ContinuousClock.now - started).seconds)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
