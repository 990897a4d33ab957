import CountedTestSupport
import Foundation
import SQLKit
import Testing
@testable import Storage

/// Write transactions that arrive together: with SQLite they share one COMMIT (group commit),
/// with PostgreSQL each has its own; the outcome for every caller must be the same either way.
@Suite("Concurrent transactions (group commit)")
struct GroupCommitTests {
    struct Refused: Error, Equatable { let caller: Int }

    static func makeTable(_ store: Store) async throws {
        try await store.transaction { db in
            try await db.raw("CREATE TABLE group_notes (caller INTEGER PRIMARY KEY, note TEXT NOT NULL)").run()
        }
    }

    static func callers(_ store: Store) async throws -> [Int] {
        try await store.read { db in
            try await db.raw("SELECT caller FROM group_notes ORDER BY caller").all().map { try $0.decode(column: "caller", as: Int.self) }
        }
    }

    /// Inserts the caller's row, reads it back inside the transaction, and fails when asked to.
    static func write(_ store: Store, caller: Int, fail: Bool) async throws -> String {
        try await store.transaction { db in
            try await db.raw("INSERT INTO group_notes (caller, note) VALUES (\(bind: caller), \(bind: "note \(caller)"))").run()
            let note = try await db.raw("SELECT note FROM group_notes WHERE caller = \(bind: caller)").first()?.decode(column: "note", as: String.self)
            if fail { throw Refused(caller: caller) }
            return note ?? "missing"
        }
    }

    /// Runs `write` for callers 0..<count at once; the result of each, by caller.
    static func writeConcurrently(_ store: Store, count: Int, failing: @escaping @Sendable (Int) -> Bool) async -> [Int: Result<String, any Error>] {
        await withTaskGroup(of: (Int, Result<String, any Error>).self) { group in
            for caller in 0..<count {
                group.addTask {
                    do { return (caller, .success(try await write(store, caller: caller, fail: failing(caller)))) } catch { return (caller, .failure(error)) }
                }
            }
            var results: [Int: Result<String, any Error>] = [:]
            for await (caller, result) in group { results[caller] = result }
            return results
        }
    }

    @Test("many concurrent transactions all commit, each caller getting its own result", arguments: TestEngine.allCases)
    func allCommit(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            try await Self.makeTable(store)
            let results = await Self.writeConcurrently(store, count: 300) { _ in false }
            #expect(results.count == 300)
            for caller in 0..<300 {
                #expect(try results[caller]?.get() == "note \(caller)")
            }
            #expect(try await Self.callers(store) == Array(0..<300))
        }
    }

    @Test("a body that throws is rolled back alone: only its caller gets the error, the others commit", arguments: TestEngine.allCases)
    func failingBodyRollsBackAlone(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            try await Self.makeTable(store)
            let failing: @Sendable (Int) -> Bool = { $0 % 10 == 3 }
            let results = await Self.writeConcurrently(store, count: 100, failing: failing)
            for caller in 0..<100 {
                let result = try #require(results[caller])
                if failing(caller) {
                    #expect(throws: Refused(caller: caller)) { try result.get() }
                } else {
                    #expect(try result.get() == "note \(caller)")
                }
            }
            #expect(try await Self.callers(store) == (0..<100).filter { !failing($0) })
        }
    }

    @Test("a statement that fails inside a body (a duplicate key) does not undo the others of its batch", arguments: TestEngine.allCases)
    func failingStatement(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            try await Self.makeTable(store)
            // Callers 0..<40, and 20 more that reuse keys 0..<20: each key is kept once.
            let results = await withTaskGroup(of: Bool.self) { group in
                for caller in Array(0..<40) + Array(0..<20) {
                    group.addTask { (try? await Self.write(store, caller: caller, fail: false)) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 40)
            #expect(results.filter { !$0 }.count == 20)
            #expect(try await Self.callers(store) == Array(0..<40))
        }
    }

    @Test("what a transaction wrote is in the database once it returns: another connection sees it", arguments: TestEngine.allCases)
    func durableOnReturn(engine: TestEngine) async throws {
        let database = try await TestDatabase.make(engine)
        let store = try await Store.open(database.location, logger: TestDatabase.logger)
        try await Self.makeTable(store)
        let results = await Self.writeConcurrently(store, count: 120) { _ in false }
        #expect(results.values.allSatisfy { (try? $0.get()) != nil })
        // A second, independent opening of the same database (a new SQLite connection on the
        // file, or a new PostgreSQL session) while the first is still open.
        let second = try await Store.open(database.location, logger: TestDatabase.logger)
        #expect(try await Self.callers(second) == Array(0..<120))
        await second.close()
        await store.close()
        await database.remove()
    }

    @Test("callers that arrive while a batch runs form the next batch: one opens it, one commits it, each waits for the commit")
    func turns() async throws {
        let group = GroupCommit(maximumBatch: 256)
        guard case .run(true, true) = await group.takeTurn() else {
            Issue.record("a caller alone opens and closes its batch")
            return
        }
        let waiting = Task {
            await withTaskGroup(of: (opens: Bool, closes: Bool).self) { tasks in
                for _ in 0..<5 {
                    tasks.addTask {
                        guard case .run(let opens, let closes) = await group.takeTurn() else { return (false, false) }
                        if closes {
                            await group.finishBatch(nil)
                        } else {
                            #expect(await group.waitForCommit() == nil)
                        }
                        return (opens, closes)
                    }
                }
                return await tasks.reduce(into: [(opens: Bool, closes: Bool)]()) { $0.append($1) }
            }
        }
        // Until the first batch finishes, the five wait; then they go as one batch. The deadline only
        // bounds a broken queue: on a loaded machine the five tasks may take seconds to start.
        let deadline = ContinuousClock.now + .seconds(120)
        while await group.queuedCount < 5, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(await group.queuedCount == 5)
        await group.finishBatch(nil)
        let turns = await waiting.value
        #expect(turns.count == 5)
        #expect(turns.filter(\.opens).count == 1)
        #expect(turns.filter(\.closes).count == 1)
    }
}
