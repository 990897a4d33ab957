/// The XML naming rule for everything that becomes an element or attribute name in the XForm
/// (question, group and repeat names, the instance root, `value`/`label` parameters). ODK Collect
/// cannot load a form whose names break it, so the reader refuses them up front.
///
/// This is XML's NCName, optionally with one namespace prefix (`odk:tag`), as pyxform checks it
/// (pyxform wrongly refuses the letters U+00C0–U+00D6, such as `É`; this rule allows them).
enum XMLName {
    /// Whether `text` is a valid name, optionally prefixed (`prefix:name`).
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        return parts.allSatisfy { isNCName(Substring($0)) }
    }

    /// Whether `text` is a valid name without any prefix.
    static func isNCName(_ text: Substring) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), isStart(first) else { return false }
        while let scalar = scalars.next() {
            guard isStart(scalar) || isFollowing(scalar) else { return false }
        }
        return true
    }

    static let ruleDescription =
        "a name must start with a letter or an underscore (_), followed only by letters, digits, hyphens (-), underscores (_) or periods (.), without spaces"

    private static func isStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F: true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
             0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF: true
        default: false
        }
    }

    private static func isFollowing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
        default: false
        }
    }
}
