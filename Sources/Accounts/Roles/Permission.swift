/// Something a role may do inside a project. Checked at the HTTP edge before any data is read,
/// so that respondents' answers reach only the roles that need them.
public enum Permission: String, Sendable, Codable, CaseIterable {
    /// See the project's questionnaires and indicator results even when the project is not public.
    case viewProject
    /// Send a submission.
    case submit
    /// Read individual submissions (respondents' answers).
    case readSubmissions
    /// Upload questionnaires.
    case manageForms
    /// Define indicators.
    case manageIndicators
    /// Add people to the project and set their roles.
    case manageMembers
}
