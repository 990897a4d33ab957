import Foundation
import NIOCore
import NIOPosix

/// One HTTP exchange written byte by byte on a fresh connection: for what a convenient client
/// will not send, such as a body in chunked transfer encoding as ODK Collect may send it.
public enum RawHTTPExchange {
    /// Writes `request` as it is and returns everything the server answers until it closes the
    /// connection (send `Connection: close`), or what came within `seconds`.
    public static func send(_ request: Data, host: String = "127.0.0.1", port: Int, seconds: Int64 = 30) async throws -> (status: Int, text: String) {
        let group = MultiThreadedEventLoopGroup.singleton
        let promise = group.next().makePromise(of: ByteBuffer.self)
        let channel = try await ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ResponseCollector(promise: promise))
                }
            }
            .connect(host: host, port: port).get()
        channel.eventLoop.scheduleTask(in: .seconds(seconds)) { channel.close(promise: nil) }
        try await channel.writeAndFlush(ByteBuffer(bytes: request))
        let answer = String(buffer: try await promise.futureResult.get())
        let status = answer.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, answer)
    }

    /// `body` in chunked transfer encoding, `size` bytes per chunk.
    public static func chunked(_ body: Data, size: Int) -> Data {
        var out = Data()
        var index = body.startIndex
        while index < body.endIndex {
            let end = min(index + size, body.endIndex)
            out.append(Data((String(end - index, radix: 16) + "\r\n").utf8))
            out.append(body[index..<end])
            out.append(Data("\r\n".utf8))
            index = end
        }
        out.append(Data("0\r\n\r\n".utf8))
        return out
    }
}

private final class ResponseCollector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let promise: EventLoopPromise<ByteBuffer>
    var received = ByteBuffer()

    init(promise: EventLoopPromise<ByteBuffer>) { self.promise = promise }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        received.writeBuffer(&buffer)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.succeed(received)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
