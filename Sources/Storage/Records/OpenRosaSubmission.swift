import Forms
import Foundation

/// A submission from ODK Collect, read and checked, ready to be stored in one transaction: the
/// raw XML exactly as received, its digest, its typed values and findings, and the attachments
/// of this POST (a large submission's attachments may come in several POSTs of the same XML).
public struct OpenRosaSubmission: Sendable {
    public var form: FormVersionRecord
    public var instanceID: String
    public var deprecatedID: String?
    public var raw: Data
    /// Lower-case hex SHA-256 of `raw`: equal for a resend, different for a changed copy.
    public var contentDigest: String
    public var flattened: FlattenedInstance
    public var attachments: [SubmissionAttachment]
    /// The signed-in person who sent it, or the app user whose token was in the URL.
    public var submittedBy: String?
    public var appUserID: String?
    /// When it was received, for a submission brought in from elsewhere (an export of another
    /// server, a seeded demo) that was received before it reached this store; nil means now.
    public var receivedAt: Date?
    /// The rows of its typed values and answers, made before it waits for the database (see
    /// `Store.storeOpenRosaSubmission`), so the single writing connection only runs them.
    var rows: OpenRosaRows?

    public init(form: FormVersionRecord, instanceID: String, deprecatedID: String?, raw: Data, contentDigest: String,
                flattened: FlattenedInstance, attachments: [SubmissionAttachment], submittedBy: String?, appUserID: String?) {
        self.form = form
        self.instanceID = instanceID
        self.deprecatedID = deprecatedID
        self.raw = raw
        self.contentDigest = contentDigest
        self.flattened = flattened
        self.attachments = attachments
        self.submittedBy = submittedBy
        self.appUserID = appUserID
    }
}

/// A file sent with a submission (a photo, a recording), kept byte for byte.
public typealias SubmissionAttachment = StoredFile

/// What the store did with an OpenRosa submission.
public struct OpenRosaReceipt: Sendable, Equatable {
    public var id: String
    public var instanceID: String
    /// True when the same XML was already stored (a resend): only new attachments were added.
    public var wasAlreadyStored: Bool
    /// Attachments stored by this call.
    public var attachmentsAdded: Int
}

/// One stored submission as reviewers and analysts read it: where it came from, what it
/// replaced, its typed values, its findings and its attachments (without their bytes).
public struct SubmissionRecord: Sendable, Equatable {
    public var id: String
    public var instanceID: String
    public var formVersion: String
    public var channel: SubmissionChannel
    public var receivedAt: String
    public var deprecatedID: String?
    /// The instance ID of the stored submission this one edits.
    public var replacesInstanceID: String?
    /// The instance ID of the later submission that edits this one, if any.
    public var replacedByInstanceID: String?
    public var contentDigest: String?
    public var values: [InstanceValue]
    public var findings: [InstanceFinding]
    public var attachments: [AttachmentSummary]
}

/// An attachment's name, type, size and MD5.
public struct AttachmentSummary: Sendable, Equatable, Codable {
    public var name: String
    public var contentType: String
    public var size: Int
    public var md5: String

    enum CodingKeys: String, CodingKey { case name, contentType = "content_type", size, md5 }
}
