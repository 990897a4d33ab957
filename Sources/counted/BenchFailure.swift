/// Why `counted bench` stopped, in words: a refused submission, a server that did not start,
/// a level that ran out of time.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
