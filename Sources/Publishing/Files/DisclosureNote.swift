import Foundation
import Survey

/// The sentence that tells readers of a file what disclosure control did to it. Every format that
/// has room for prose (the spreadsheet's "about" sheet, Open SDG metadata) says the same, in the
/// round's own thresholds, so a number missing from one file is explained the same way in all.
enum DisclosureNote {
    static func text(_ rules: DisclosureRules) -> String {
        let percent = String(format: "%g", rules.maximumRelativeStandardError * 100)
        return "Disclosure control: a value that rests on fewer than \(rules.minimumCount) respondents is suppressed (flag S), "
            + "and so is any value that would let a reader work out a suppressed one by subtraction (SP), or a whole table that "
            + "no pattern of hidden values can protect (SW). Suppressed values carry no number. A value whose relative standard "
            + "error is above \(percent)% is shown but marked unreliable (U)."
    }
}
