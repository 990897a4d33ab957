import Foundation

/// Which `parameters` each question type takes and what values they may have, as pyxform checks
/// them. A wrong parameter is refused rather than ignored, because the author expects it to
/// change how the question behaves on the phone.
enum ParameterRules {
    /// Parameter names by pyxform type name. Types not listed take no parameters (pyxform
    /// ignores what is written; the reader warns).
    static let accepted: [String: [String]] = [
        "audit": ["identify-user", "location-max-age", "location-min-interval", "location-priority",
                  "track-changes", "track-changes-reasons"],
        "audio": ["quality"],
        "background-audio": ["quality"],
        "geopoint": ["allow-mock-accuracy", "capture-accuracy", "reference-geometry", "warning-accuracy"],
        "geoshape": ["allow-mock-accuracy", "incremental", "reference-geometry"],
        "geotrace": ["allow-mock-accuracy", "incremental", "reference-geometry"],
        "photo": ["app", "max-pixels"],
        "range": ["end", "placeholder", "start", "step", "tick_interval", "tick_labelset"],
        "text": ["rows"],
        "select": ["randomize", "seed"],
        "select from file": ["label", "randomize", "seed", "value"],
    ]

    /// Reports parameter names that `typeName` does not take; true when all are accepted.
    @discardableResult
    static func checkNames(_ parameters: [FormAttribute], typeName: String, displayType: String,
                           at location: ProblemLocation, log: inout FormProblemLog) -> Bool {
        let names = accepted[typeName] ?? []
        let rejected = parameters.map(\.name).filter { !names.contains($0) }
        guard !rejected.isEmpty else { return true }
        let list = rejected.sorted().map { "'\($0)'" }.joined(separator: ", ")
        let allowed = names.isEmpty ? "none" : names.map { "'\($0)'" }.joined(separator: ", ")
        log.error(at: location, "\(displayType) questions do not take the parameter(s) \(list). The parameters they take are: \(allowed).")
        return false
    }

    /// Checks the parameters of every non-select type pyxform checks; geo `reference-geometry`
    /// values are returned for the end-of-form check.
    static func check(_ parameters: [FormAttribute], typeName: String, displayType: String, appearance: String?,
                      at location: ProblemLocation, log: inout FormProblemLog) {
        guard accepted[typeName] != nil else {
            if !parameters.isEmpty {
                log.warning(at: location, "\(displayType) questions take no parameters, so these are ignored.")
            }
            return
        }
        checkNames(parameters, typeName: typeName, displayType: displayType, at: location, log: &log)
        switch typeName {
        case "audit": checkAudit(parameters, at: location, log: &log)
        case "text":
            if let rows = parameters[named: "rows"], !isInteger(rows) {
                log.error(at: location, "the parameter 'rows' must be a whole number, not '\(rows)'.")
            }
        case "photo":
            if let pixels = parameters[named: "max-pixels"] {
                if !isInteger(pixels) {
                    log.error(at: location, "the parameter 'max-pixels' must be a whole number, not '\(pixels)'.")
                }
            } else {
                log.warning(at: location, "add the parameter max-pixels (for example max-pixels=1024) so that photos are made smaller before they are sent, which saves data and storage.")
            }
            if let app = parameters[named: "app"], appearance == nil || appearance == "annotate",
               let problem = AndroidPackageName.problem(app) {
                log.error(at: location, "the parameter 'app' is not a valid Android package name: \(problem).")
            }
        case "audio", "background-audio":
            let qualities = typeName == "audio" ? ["voice-only", "low", "normal", "external"] : ["voice-only", "low", "normal"]
            if let quality = parameters[named: "quality"], !qualities.contains(quality) {
                log.error(at: location, "the parameter 'quality' must be one of \(qualities.joined(separator: ", ")), not '\(quality)'.")
            }
        case "geopoint", "geoshape", "geotrace":
            checkGeo(parameters, typeName: typeName, at: location, log: &log)
        default:
            break
        }
    }

    private static func checkAudit(_ parameters: [FormAttribute], at location: ProblemLocation, log: inout FormProblemLog) {
        for name in ["track-changes", "identify-user"] {
            if let value = parameters[named: name], value != "true", value != "false" {
                log.error(at: location, "the parameter '\(name)' must be true or false, not '\(value)'.")
            }
        }
        if let reasons = parameters[named: "track-changes-reasons"], reasons != "on-form-edit" {
            log.error(at: location, "the parameter 'track-changes-reasons' can only be on-form-edit, not '\(reasons)'.")
        }
        let trio = ["location-priority", "location-min-interval", "location-max-age"]
        let given = trio.filter { parameters[named: $0] != nil }
        guard !given.isEmpty else { return }
        guard given.count == trio.count else {
            log.error(at: location, "to record locations in the audit, give all three parameters location-priority, location-min-interval and location-max-age.")
            return
        }
        if let priority = parameters[named: "location-priority"],
           !["no-power", "low-power", "balanced", "high-accuracy"].contains(priority) {
            log.error(at: location, "the parameter 'location-priority' must be no-power, low-power, balanced or high-accuracy, not '\(priority)'.")
        }
        var seconds: [String: Int] = [:]
        for name in ["location-min-interval", "location-max-age"] {
            guard let value = parameters[named: name] else { continue }
            guard isInteger(value), let number = Int(value.replacingOccurrences(of: "+", with: "")) else {
                log.error(at: location, "the parameter '\(name)' must be a whole number of seconds, not '\(value)'.")
                continue
            }
            if number < 0 {
                log.error(at: location, "the parameter '\(name)' must be zero or more, not \(number).")
            }
            seconds[name] = number
        }
        if let minimum = seconds["location-min-interval"], let maximum = seconds["location-max-age"],
           minimum >= 0, maximum >= 0, maximum < minimum {
            log.error(at: location, "the parameter 'location-max-age' (\(maximum)) must be at least 'location-min-interval' (\(minimum)).")
        }
    }

    private static func checkGeo(_ parameters: [FormAttribute], typeName: String, at location: ProblemLocation,
                                 log: inout FormProblemLog) {
        if typeName == "geopoint" {
            for name in ["capture-accuracy", "warning-accuracy"] {
                if let value = parameters[named: name], Double(value) == nil {
                    log.error(at: location, "the parameter '\(name)' must be a number (of metres), not '\(value)'.")
                }
            }
        } else if let incremental = parameters[named: "incremental"], !["yes", "true", "true()"].contains(incremental) {
            log.error(at: location, "the parameter 'incremental' can only be true (or left out), not '\(incremental)'.")
        }
        if let mock = parameters[named: "allow-mock-accuracy"], mock != "true", mock != "false" {
            log.error(at: location, "the parameter 'allow-mock-accuracy' must be true or false, not '\(mock)'.")
        }
    }

    /// A whole number as Python's `int()` reads one: an optional sign and digits.
    static func isInteger(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
