/// Decides which write transactions share one SQLite `BEGIN IMMEDIATE … COMMIT`.
///
/// With `synchronous = FULL` every COMMIT waits for the disk (an fsync), and one connection
/// does one COMMIT at a time: one transaction per submission would cap the rate at the disk's
/// fsyncs per second. Callers that arrive while a batch is being written queue up; the next
/// batch takes all of them (up to `maximumBatch`) and commits once. Each member still runs its
/// own body, in arrival order, inside its own savepoint (one alone in its batch needs none);
/// every member hears back only after the COMMIT returned, so an acknowledgement is never sent
/// for data that is not on disk.
///
/// This actor only keeps the turns; the engine runs the statements (see `SQLiteEngine`).
actor GroupCommit {
    /// What a member may do when its turn comes.
    enum Turn: Sendable {
        /// Run its body. The first member opens the transaction, the last one commits it.
        case run(opensBatch: Bool, closesBatch: Bool)
        /// The batch cannot run (the database was closed): give up with this error.
        case refused(any Error)
    }

    private struct Member {
        let turn: CheckedContinuation<Turn, Never>
    }

    let maximumBatch: Int
    private var queue: [Member] = []
    /// The members of the batch being written; `position` is the one whose body runs now.
    private var batch: [Member] = []
    private var position = 0
    private var batchIsRunning = false
    /// Members whose body ran, waiting for the COMMIT (nil: committed; otherwise why not).
    private var waitingForCommit: [CheckedContinuation<(any Error)?, Never>] = []

    init(maximumBatch: Int = 256) {
        self.maximumBatch = max(1, maximumBatch)
    }

    /// Callers waiting for a batch to start (for tests).
    var queuedCount: Int { queue.count }

    /// Waits until it is this caller's turn to run its body in a batch.
    func takeTurn() async -> Turn {
        await withCheckedContinuation { continuation in
            queue.append(Member(turn: continuation))
            if !batchIsRunning { startNextBatch() }
        }
    }

    /// Called by a member (not the last) after its body and savepoint are done: hands the
    /// connection to the next member and waits for the batch's COMMIT.
    func waitForCommit() async -> (any Error)? {
        await withCheckedContinuation { continuation in
            waitingForCommit.append(continuation)
            position += 1
            if position < batch.count { resumeCurrent() }
        }
    }

    /// Called by the last member once the COMMIT returned (`error` nil) or failed: every member
    /// of the batch hears the outcome, then the next batch starts.
    func finishBatch(_ error: (any Error)?) {
        for waiting in waitingForCommit { waiting.resume(returning: error) }
        waitingForCommit = []
        batch = []
        startNextBatch()
    }

    /// Called by the member whose turn it is when the transaction broke (BEGIN, a savepoint or
    /// the rollback to it failed) and was rolled back: members that already ran get `error`;
    /// those that did not run yet wait for the next batch, or with `refuseRest` get `error` too.
    func abandonBatch(_ error: any Error, refuseRest: Bool) {
        for waiting in waitingForCommit { waiting.resume(returning: error) }
        waitingForCommit = []
        let notRun = Array(batch.dropFirst(position + 1))
        batch = []
        if refuseRest {
            for member in notRun + queue { member.turn.resume(returning: .refused(error)) }
            queue = []
        } else {
            queue.insert(contentsOf: notRun, at: 0)
        }
        startNextBatch()
    }

    private func startNextBatch() {
        guard !queue.isEmpty else {
            batchIsRunning = false
            return
        }
        batchIsRunning = true
        let size = min(queue.count, maximumBatch)
        batch = Array(queue.prefix(size))
        queue.removeFirst(size)
        position = 0
        resumeCurrent()
    }

    private func resumeCurrent() {
        batch[position].turn.resume(returning: .run(opensBatch: position == 0, closesBatch: position == batch.count - 1))
    }
}
