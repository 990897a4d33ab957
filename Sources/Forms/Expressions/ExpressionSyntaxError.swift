import Foundation

/// Why an expression could not be read, and where.
///
/// The form reader knows the sheet, row and column of the cell; this error adds the character
/// in the cell, so an author can find the mistake without counting brackets.
public struct ExpressionSyntaxError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// 1-based position of the offending character in the expression text, counted in
    /// characters as a person sees them. One past the end when the text stops too early.
    public let position: Int
    /// A plain sentence that already names the position, e.g. "unexpected ')' at character 12".
    public let message: String

    public init(position: Int, message: String) {
        self.position = position
        self.message = message
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}
