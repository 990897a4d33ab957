import Foundation

/// The column names one sheet understands, and the older or friendlier spellings pyxform accepts
/// for them (`relevance` for `relevant`, `caption` for `label`, `jr:count` for `repeat_count`).
/// Each header is turned into a key path such as `["label", "French (fr)"]`,
/// `["bind", "relevant"]` or `["media", "image", "fr"]`, so the rest of the reader deals with
/// one spelling per column.
struct SheetVocabulary: Sendable {
    /// First-token aliases: the snake-cased header (or its part before `::`) to its key path.
    var aliases: [String: [String]]
    /// Headers that are already canonical.
    var known: Set<String>

    /// The survey sheet.
    static let survey = SheetVocabulary(
        aliases: [
            "read_only": ["bind", "readonly"], "readonly": ["bind", "readonly"],
            "relevant": ["bind", "relevant"], "relevance": ["bind", "relevant"],
            "required": ["bind", "required"],
            "constraint": ["bind", "constraint"],
            "constraint_message": ["bind", "jr:constraintMsg"],
            "constraining_message": ["bind", "jr:constraintMsg"],
            // pyxform ignores a bare `jr:constraintMsg`/`jr:requiredMsg` header; the XForm
            // attribute names are taken here for what they plainly mean.
            "jr:constraintmsg": ["bind", "jr:constraintMsg"],
            "required_message": ["bind", "jr:requiredMsg"], "requiredmsg": ["bind", "jr:requiredMsg"],
            "jr:requiredmsg": ["bind", "jr:requiredMsg"],
            "calculation": ["bind", "calculate"], "calculate": ["bind", "calculate"],
            "noapperrorstring": ["bind", "jr:noAppErrorString"],
            "no_app_error_string": ["bind", "jr:noAppErrorString"],
            "caption": ["label"],
            "appearance": ["control", "appearance"],
            "count": ["control", "jr:count"], "repeat_count": ["control", "jr:count"],
            "jr:count": ["control", "jr:count"],
            "autoplay": ["control", "autoplay"], "rows": ["control", "rows"],
            "body": ["control"],
            "command": ["type"], "tag": ["name"], "value": ["name"],
            "image": ["media", "image"], "big-image": ["media", "big-image"],
            "audio": ["media", "audio"], "video": ["media", "video"],
            "compact_tag": ["instance", "odk:tag"],
            "save_to": ["bind", "entities:saveto"],
        ],
        known: [
            "type", "name", "label", "hint", "guidance_hint", "default", "trigger", "choice_filter",
            "parameters", "bind", "control", "media", "instance", "sms_field",
        ])

    /// The choices and external_choices sheets.
    static let choices = SheetVocabulary(
        aliases: [
            "caption": ["label"], "list_name": ["list name"], "value": ["name"],
            "image": ["media", "image"], "big-image": ["media", "big-image"],
            "audio": ["media", "audio"], "video": ["media", "video"],
        ],
        known: ["name", "label", "media", "sms_option"])

    /// The settings sheet.
    static let settings = SheetVocabulary(
        aliases: [
            "form_title": ["title"], "set_form_title": ["title"],
            "form_id": ["id_string"], "set_form_id": ["id_string"],
            "prefix": ["prefix"],
        ],
        known: [
            "name", "title", "id_string", "version", "default_language", "instance_name",
            "public_key", "submission_url", "style", "allow_choice_duplicates", "clean_text_values",
            "auto_send", "auto_delete", "namespaces", "omit_instanceID", "instance_xmlns",
            "client_editable", "add_none_option", "attribute", "delimiter", "entity_version",
            "sms_keyword", "sms_allow_media", "sms_date_format", "sms_datetime_format",
            "sms_response", "sms_separator", "file_name", "flat",
        ])

    /// The key path of `header`; `useDoubleColon` is true when any header of the sheet uses
    /// `::` (then a single `:` is part of a name, as in `bind::jr:constraintMsg`).
    func keyPath(of header: String, useDoubleColon: Bool) -> [String] {
        if known.contains(header), aliases[header] == nil { return [header] }
        let snake = Self.snakeCase(header)
        if known.contains(snake), aliases[snake] == nil { return [snake] }

        var tokens: [String]
        if useDoubleColon || header.contains("::") {
            tokens = header.components(separatedBy: "::").map { $0.trimmingCharacters(in: .whitespaces) }
        } else {
            tokens = header.split(separator: ":", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if let jr = tokens.firstIndex(of: "jr"), jr + 1 < tokens.count {
                tokens.replaceSubrange(jr...(jr + 1), with: ["jr:" + tokens[jr + 1]])
            }
        }
        let first = Self.snakeCase(tokens[0])
        if let alias = aliases[first] {
            return alias + tokens.dropFirst()
        }
        if known.contains(first) {
            return [first] + tokens.dropFirst()
        }
        return tokens
    }

    /// pyxform's snake case: words joined by `_`, lower-cased.
    static func snakeCase(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: "_").lowercased()
    }
}
