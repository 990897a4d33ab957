import Foundation

/// One wave of collection in a project: the submissions received in its window, reported for
/// its period. Trends compare rounds, so a monitoring project that asks the same questions every
/// year or two has one round per wave.
public struct Round: Sendable, Hashable, Codable {
    public var id: String
    public var projectID: String
    /// 1, 2, 3 ... in the order the waves happened; what addresses and exports name.
    public var number: Int
    public var label: String
    /// The reference period results are reported for: a year ("2025") or any SDMX time period.
    public var period: String
    /// Submissions received from this moment (included) ...
    public var receivedFrom: Date
    /// ... until this one (excluded) belong to the round.
    public var receivedUntil: Date
    /// Set while the round is published.
    public var publication: Publication?

    public init(id: String, projectID: String, number: Int, label: String, period: String, receivedFrom: Date, receivedUntil: Date,
                publication: Publication? = nil) {
        self.id = id
        self.projectID = projectID
        self.number = number
        self.label = label
        self.period = period
        self.receivedFrom = receivedFrom
        self.receivedUntil = receivedUntil
        self.publication = publication
    }

    /// Whether the public may see the round at `date`: published, and any embargo over.
    public func isPublic(at date: Date = Date()) -> Bool {
        guard let publication else { return false }
        return publication.embargoUntil.map { $0 <= date } ?? true
    }
}

/// A round's publication: when and by whom, and until when it stays under embargo.
public struct Publication: Sendable, Hashable, Codable {
    public var publishedAt: Date
    public var publishedBy: String?
    /// Before this moment the round is published but not shown to the public.
    public var embargoUntil: Date?

    public init(publishedAt: Date, publishedBy: String?, embargoUntil: Date?) {
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
        self.embargoUntil = embargoUntil
    }
}
