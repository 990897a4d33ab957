import Accounts
import CountedTestSupport
import Forms
import Foundation
import Testing
@testable import Storage

/// Submissions arriving together are written together; each caller still gets its own answer:
/// new ones stored once, resends recognised, a changed copy refused alone, edits linked.
@Suite("OpenRosa submissions written in batches")
struct OpenRosaBatchTests {
    static func xml(_ index: Int, size: Int = 4) throws -> Data {
        try HouseholdXForm.submission(replacing: HouseholdXForm.instanceID, with: "uuid:batch-\(index)")
            .replacingSize(with: size)
    }

    @Test("sixty concurrent submissions: new, resent in the same batch, tampered, edits", arguments: TestEngine.allCases)
    func mixedBatch(engine: TestEngine) async throws {
        try await TestDatabase.withStore(engine) { store in
            let (_, version) = try await OpenRosaStoreTests.household(store)
            // Already stored before the burst: 0 and 1.
            for index in 0..<2 {
                _ = try await store.storeOpenRosaSubmission(try OpenRosaStoreTests.submission(try Self.xml(index), form: version))
            }
            enum Expected: Sendable { case new, resend, conflict }
            var work: [(OpenRosaSubmission, Expected)] = []
            for index in 2..<52 { work.append((try OpenRosaStoreTests.submission(try Self.xml(index), form: version), .new)) }
            // Resends of stored ones and of new ones in the same burst, a changed copy of 1, and an edit of 0.
            work.append((try OpenRosaStoreTests.submission(try Self.xml(0), form: version), .resend))
            for index in 2..<8 { work.append((try OpenRosaStoreTests.submission(try Self.xml(index), form: version), .resend)) }
            work.append((try OpenRosaStoreTests.submission(try Self.xml(1, size: 9), form: version), .conflict))
            let edit = try Self.xml(0, size: 6).replacingOccurrences(of: "uuid:batch-0</instanceID>",
                                                                      with: "uuid:batch-0-edit</instanceID><deprecatedID>uuid:batch-0</deprecatedID>")
            work.append((try OpenRosaStoreTests.submission(edit, form: version), .new))

            let outcomes = await withTaskGroup(of: (Int, Result<OpenRosaReceipt, any Error>).self) { group in
                for (index, (submission, _)) in work.enumerated() {
                    group.addTask {
                        do { return (index, .success(try await store.storeOpenRosaSubmission(submission))) } catch { return (index, .failure(error)) }
                    }
                }
                var outcomes = [Int: Result<OpenRosaReceipt, any Error>]()
                for await (index, outcome) in group { outcomes[index] = outcome }
                return outcomes
            }
            var firstIDs: [String: String] = [:]
            for (index, (submission, expected)) in work.enumerated() {
                let outcome = try #require(outcomes[index])
                switch (expected, outcome) {
                case (.conflict, .failure(let error)):
                    guard case StorageError.conflict = error else { Issue.record("\(submission.instanceID): \(error)"); continue }
                case (.new, .success), (.resend, .success):
                    if case .success(let receipt) = outcome {
                        if let earlier = firstIDs[submission.instanceID] { #expect(earlier == receipt.id, "one row per instance") }
                        firstIDs[submission.instanceID] = receipt.id
                    }
                default:
                    Issue.record("\(submission.instanceID) expected \(expected), got \(outcome)")
                }
            }
            // 52 distinct instances plus the edit: 53 rows; the changed copy changed nothing.
            #expect(try await store.submissionCount(formPK: version.formPK) == 53)
            let tampered = try #require(try await store.submissionRecord(formPK: version.formPK, instanceID: "uuid:batch-1"))
            #expect(tampered.values.first { $0.path == "/data/household/size" }?.number == 4)
            let edited = try #require(try await store.submissionRecord(formPK: version.formPK, instanceID: "uuid:batch-0-edit"))
            #expect(edited.replacesInstanceID == "uuid:batch-0")
            for index in [2, 30, 51] {
                let record = try #require(try await store.submissionRecord(formPK: version.formPK, instanceID: "uuid:batch-\(index)"))
                #expect(record.values == InstanceFlattener(form: try #require(version.definition))
                    .flatten(try SubmittedInstance.parse(try Self.xml(index))).values)
                #expect(try await store.rawSubmissionXML(formPK: version.formPK, instanceID: "uuid:batch-\(index)") == (try Self.xml(index)))
            }
            let audit = try await store.auditLog(projectID: version.projectID, limit: 500)
            #expect(audit.filter { $0.action == "submission.received" }.count == 52)
            #expect(audit.filter { $0.action == "submission.edited" }.count == 1)
        }
    }
}

private extension Data {
    func replacingSize(with size: Int) -> Data {
        replacingOccurrences(of: "<size>4</size>", with: "<size>\(size)</size>")
    }

    func replacingOccurrences(of old: String, with new: String) -> Data {
        Data(String(decoding: self, as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
    }
}
