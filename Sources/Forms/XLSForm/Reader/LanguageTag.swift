/// Whether a language as written in a column header (`label::French (fr)`) ends with a
/// machine-readable code in brackets. ODK Collect uses the code to pick the phone's language and
/// to read text aloud; pyxform warns when it is missing or unknown.
enum LanguageTag {
    /// The languages among `languages` that lack a known code.
    static func untagged(_ languages: [String]) -> [String] {
        languages.filter { language in
            guard language != "default", language.count >= 3 else { return false }
            return !hasKnownCode(language)
        }
    }

    /// The code between the last brackets must be a two-letter ISO 639-1 code, or three
    /// lower-case letters (pyxform checks these against the ISO 639-3 list; any three letters
    /// are taken here).
    private static func hasKnownCode(_ language: String) -> Bool {
        guard language.hasSuffix(")"), let open = language.firstIndex(of: "(") else { return false }
        let code = language[language.index(after: open)..<language.index(before: language.endIndex)]
        if code.count == 2 { return twoLetterCodes.contains(String(code)) }
        return code.count == 3 && code.allSatisfy { $0.isASCII && $0.isLowercase }
    }

    private static let twoLetterCodes: Set<String> = Set("aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik in io is it iu iw ja ji jv jw ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu".split(separator: " ").map(String.init))
}
