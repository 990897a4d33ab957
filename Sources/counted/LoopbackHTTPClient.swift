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
                    try channel.pipeline.syncOperations.addHandler(WholeAnswer())
                    return try NIOAsyncChannel<Answer, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        let host = self.host
        return try await channel.executeThenClose { inbound, outbound in
            var connection = Connection(host: host, responses: inbound.makeAsyncIterator(), outbound: outbound)
            return try await body(&connection)
        }
    }

    /// An answer read to its end: the status and the start of the body.
    struct Answer: Sendable {
        var status: Int
        var body: String
    }

    /// A connection's request side and the iterator over its answers.
    struct Connection {
        let host: String
        var responses: NIOAsyncChannelInboundStream<Answer>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>

        /// Sends one request and reads its whole answer; returns the status and the start of the body text.
        mutating func send(method: HTTPMethod, path: String, headers: [(String, String)], body: ByteBuffer) async throws -> Answer {
            var head = HTTPRequestHead(version: .http1_1, method: method, uri: path)
            head.headers.add(name: "Host", value: host)
            head.headers.add(name: "Content-Length", value: String(body.readableBytes))
            for (name, value) in headers { head.headers.add(name: name, value: value) }
            try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(body)), .end(nil)])
            guard let answer = try await responses.next() else {
                throw BenchFailure("The server closed the connection before answering \(method) \(path).")
            }
            return answer
        }
    }

    /// Gathers the head, body parts and end of each answer into one ``Answer`` on the event loop,
    /// so that the benchmark's tasks wake once per answer rather than once per part: the client
    /// shares the machine's cores with the server it measures, and should cost it little.
    private final class WholeAnswer: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPClientResponsePart
        typealias InboundOut = Answer

        private var answer = Answer(status: 0, body: "")

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                answer = Answer(status: Int(head.status.code), body: "")
            case .body(let buffer):
                // Only the start is kept (for error messages): reading large pages as text
                // would load the benchmark's own client, not the server.
                let wanted = min(buffer.readableBytes, 4096 - answer.body.utf8.count)
                if wanted > 0 { answer.body += buffer.getString(at: buffer.readerIndex, length: wanted) ?? "" }
            case .end:
                context.fireChannelRead(wrapInboundOut(answer))
            }
        }
    }
}
