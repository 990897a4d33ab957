/// Gathers the OpenRosa submissions that arrive while a batch is being written, and writes them
/// together: one duplicate check and one multi-row INSERT per table for the whole batch, in one
/// transaction, instead of about eight statements per submission. Every statement is a hop to the
/// database's thread or server and back; on a busy server those hops, not the disk, were the
/// limit (see docs/benchmarks.md).
///
/// Each caller still gets its own answer, and only once the batch is committed: a 201 is never
/// sent for data that is not on disk.
///
/// The task that writes batches runs at high priority. Every statement of a batch is a hop to
/// the database's thread and back; at normal priority each hop back waited behind the requests
/// being read, so the one writer, which every submission waits for, was slowed by the very
/// load it serves (see docs/benchmarks.md).
actor OpenRosaWriteQueue {
    private var pending: [(submission: OpenRosaSubmission, answer: CheckedContinuation<Result<OpenRosaReceipt, any Error>, Never>)] = []
    private var isWriting = false
    let maximumBatch: Int

    init(maximumBatch: Int = 128) {
        self.maximumBatch = max(1, maximumBatch)
    }

    /// Stores `submission` with whatever else is waiting, and answers for it alone.
    func submit(_ submission: OpenRosaSubmission, to store: Store) async -> Result<OpenRosaReceipt, any Error> {
        await withCheckedContinuation { continuation in
            pending.append((submission, continuation))
            if !isWriting {
                isWriting = true
                Task(priority: .high) { await self.drain(store) }
            }
        }
    }

    private func drain(_ store: Store) async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(maximumBatch))
            pending.removeFirst(batch.count)
            let results = await store.storeOpenRosaBatch(batch.map(\.submission))
            for (member, result) in zip(batch, results) { member.answer.resume(returning: result) }
        }
        isWriting = false
    }
}
