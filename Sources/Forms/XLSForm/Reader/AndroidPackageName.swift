import Foundation

/// The rules for an Android application id (`org.example.camera`), used by the `app` parameter
/// of image questions: Collect hands the photo over to that app, and a malformed id only fails
/// on the phone.
enum AndroidPackageName {
    /// Why `name` is not a valid package name, or nil when it is.
    static func problem(_ name: String) -> String? {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { return "it is empty" }
        guard name.contains(".") else { return "it needs at least one '.' separator" }
        if name.hasSuffix(".") { return "it cannot end with a '.'" }
        let segments = name.split(separator: ".", omittingEmptySubsequences: false)
        if segments.contains(where: \.isEmpty) { return "it cannot have two '.' in a row" }
        if segments.contains(where: { $0.hasPrefix("_") }) { return "no part may start with '_'" }
        if segments.contains(where: { $0.first?.isNumber == true }) { return "no part may start with a digit" }
        let allowed = segments.allSatisfy { segment in
            segment.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        }
        return allowed ? nil : "it may only contain letters (a-z, A-Z), digits (0-9), '.' and '_'"
    }
}
