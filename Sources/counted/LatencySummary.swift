/// What one concurrency level of a benchmark measured: throughput over the whole level and the
/// latency percentiles a collector would feel.
struct LatencySummary: Sendable, Equatable {
    let clients: Int
    let submissions: Int
    let seconds: Double
    let p50Milliseconds: Double
    let p99Milliseconds: Double

    var perSecond: Double { seconds > 0 ? Double(submissions) / seconds : 0 }

    /// `latencies` in seconds, one per request, in any order.
    init(clients: Int, latencies: [Double], seconds: Double) {
        self.clients = clients
        self.submissions = latencies.count
        self.seconds = seconds
        let sorted = latencies.sorted()
        p50Milliseconds = Self.percentile(0.50, of: sorted) * 1000
        p99Milliseconds = Self.percentile(0.99, of: sorted) * 1000
    }

    /// The nearest-rank percentile: the smallest value at least `fraction` of the values are
    /// at or below (0 for no values).
    static func percentile(_ fraction: Double, of sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
