import Forms
import Foundation

/// What ODK Collect needs of a form version besides the questionnaire: the XForm it downloads,
/// the full form model submissions are read against, and the media files the form shows.
public struct XFormVersion: Sendable, Equatable {
    public var xform: String
    public var definition: FormDefinition
    public var media: [FormMediaFile]

    public init(xform: String, definition: FormDefinition, media: [FormMediaFile] = []) {
        self.xform = xform
        self.definition = definition
        self.media = media
    }
}

/// A file a form shows or reads (an image, a CSV for `pulldata` …), listed in its media manifest.
public typealias FormMediaFile = StoredFile

/// A form version ODK Collect can download: the current version of a form that has an XForm.
public struct PublishedForm: Sendable, Equatable {
    /// The store's key for the form (all versions).
    public var formPK: String
    public var versionID: String
    public var formID: String
    public var version: String
    public var title: String
    public var xform: String
    /// Lower-case hex MD5 of the XForm's UTF-8 bytes.
    public var xformMD5: String
    /// Names and MD5s of its media files, by name.
    public var media: [(name: String, md5: String)]

    public init(formPK: String, versionID: String, formID: String, version: String, title: String, xform: String,
                xformMD5: String, media: [(name: String, md5: String)]) {
        self.formPK = formPK
        self.versionID = versionID
        self.formID = formID
        self.version = version
        self.title = title
        self.xform = xform
        self.xformMD5 = xformMD5
        self.media = media
    }

    public static func == (lhs: PublishedForm, rhs: PublishedForm) -> Bool {
        lhs.formPK == rhs.formPK && lhs.versionID == rhs.versionID && lhs.formID == rhs.formID && lhs.version == rhs.version
            && lhs.title == rhs.title && lhs.xform == rhs.xform && lhs.xformMD5 == rhs.xformMD5
            && lhs.media.map(\.name) == rhs.media.map(\.name) && lhs.media.map(\.md5) == rhs.media.map(\.md5)
    }
}

/// A stored version of a form as submissions name it (`version` attribute), with the model
/// they are read against; `definition` is nil for versions uploaded before XForms were kept.
/// `questionnaire` is the flat model whose top-level answers indicators read.
///
/// Once a version has its `definition`, nothing about it changes any more, so a server process
/// may keep the record (and what it prepared from it) for as long as it runs.
public struct FormVersionRecord: Sendable, Equatable {
    public var formPK: String
    public var projectID: String
    public var formID: String
    public var versionID: String
    public var version: String
    public var definition: FormDefinition?
    public var questionnaire: Questionnaire?

    public init(formPK: String, projectID: String, formID: String, versionID: String, version: String, definition: FormDefinition?,
                questionnaire: Questionnaire? = nil) {
        self.formPK = formPK
        self.projectID = projectID
        self.formID = formID
        self.versionID = versionID
        self.version = version
        self.definition = definition
        self.questionnaire = questionnaire
    }
}
