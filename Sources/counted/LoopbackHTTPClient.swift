import NIOCore
import NIOHTTP1
import NIOPosix

/// One keep-alive HTTP/1.1 connection to a server on this machine, as a benchmark client uses
/// it: one request at a time, answers read to the end. Built on SwiftNIO because URLSession on
/// Linux stalls under many concurrent requests.
struct LoopbackHTTPClient: Sendable {
    let host: String
    let port: Int

    /// Only loopback addresses: a benchmark never sends its load to another machine.
    init(host: String, port: Int) throws(BenchFailure) {
        guard ["127.0.0.1", "::1", "localhost"].contains(host) else {
            throw BenchFailure("The benchmark only talks to this machine (127.0.0.1, ::1 or localhost), not to \(host).")
        }
        self.host = host
        self.port = port
    }

    /// Opens one connection and hands `body` a way to send requests on it; closes it afterwards.
    func withConnection<R: Sendable>(
        _ body: (inout Connection) async throws -> R
    ) async throws -> R {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        let host = self.host
        return try await channel.executeThenClose { inbound, outbound in
            var connection = Connection(host: host, responses: inbound.makeAsyncIterator(), outbound: outbound)
            return try await body(&connection)
        }
    }

    /// A connection's request side and the iterator over its answers.
    struct Connection {
        let host: String
        var responses: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>

        /// Sends one request and reads its whole answer; returns the status and the start of the body text.
        mutating func send(method: HTTPMethod, path: String, headers: [(String, String)], body: ByteBuffer) async throws -> (status: Int, body: String) {
            var head = HTTPRequestHead(version: .http1_1, method: method, uri: path)
            head.headers.add(name: "Host", value: host)
            head.headers.add(name: "Content-Length", value: String(body.readableBytes))
            for (name, value) in headers { head.headers.add(name: name, value: value) }
            try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(body)), .end(nil)])
            var status = 0
            var text = ""
            // An answer is a head, body parts and an end; the loop stops at the end or a closed connection.
            while let part = try await responses.next() {
                switch part {
                case .head(let response): status = Int(response.status.code)
                case .body(let buffer):
                    // Only the start is kept (for error messages): reading large pages as text
                    // would load the benchmark's own client, not the server.
                    let wanted = min(buffer.readableBytes, 4096 - text.utf8.count)
                    if wanted > 0 { text += buffer.getString(at: buffer.readerIndex, length: wanted) ?? "" }
                case .end: return (status, text)
                }
            }
            throw BenchFailure("The server closed the connection before answering \(method) \(path).")
        }
    }
}
