/// Puts each cell of a survey row into the ``FormElement`` field its column means (after
/// ``SheetVocabulary`` has resolved aliases), keeping translations apart by language and every
/// column nobody interprets in `otherColumns`, so nothing the author wrote is lost.
enum SurveyRowFields {
    /// The media columns XLSForm knows.
    static let mediaKinds: Set<String> = ["image", "big-image", "audio", "video"]

    /// Columns whose value is set by the reader itself, not copied here.
    private static let handledElsewhere: Set<String> = ["type", "name", "parameters", "disabled"]

    /// Copies the cells of `row` into `element`.
    static func apply(_ cells: [(column: SheetTable.Column, value: String)], to element: inout FormElement) {
        for (column, value) in cells {
            let key = column.key
            let language = { (position: Int) in key.count > position ? key[position] : LocalizedText.untranslated }
            switch key[0] {
            case let first where handledElsewhere.contains(first) && key.count == 1:
                break
            case "label" where key.count <= 2:
                element.label.set(value, language: language(1))
            case "hint" where key.count <= 2:
                element.hint.set(value, language: language(1))
            case "guidance_hint" where key.count <= 2:
                element.guidanceHint.set(value, language: language(1))
            case "default" where key.count == 1:
                element.defaultValue = value
            case "choice_filter" where key.count == 1:
                element.choiceFilter = value
            case "trigger" where key.count == 1:
                element.trigger = value
            case "media" where key.count >= 2 && key.count <= 3 && mediaKinds.contains(key[1]):
                setMedia(&element.media, kind: key[1], language: language(2), value: value)
            case "bind" where key.count >= 2:
                applyBind(key, value: value, language: language(2), to: &element)
            case "control" where key.count >= 2:
                switch key[1...].joined(separator: "::") {
                case "appearance": element.appearance = value
                case "jr:count": element.repeatCount = value
                case let name: element.bodyAttributes.append(FormAttribute(name: name, value: value))
                }
            case "instance" where key.count >= 2:
                element.instanceAttributes.append(FormAttribute(name: key[1...].joined(separator: "::"), value: value))
            default:
                element.otherColumns.append(FormAttribute(name: column.header, value: value))
            }
        }
    }

    private static func applyBind(_ key: [String], value: String, language: String, to element: inout FormElement) {
        switch (key[1], key.count) {
        case ("relevant", 2): element.relevant = value
        case ("required", 2): element.required = value
        case ("constraint", 2): element.constraint = value
        case ("calculate", 2): element.calculation = value
        case ("readonly", 2): element.readOnly = value
        case ("jr:constraintMsg", 2...3): element.constraintMessage.set(value, language: language)
        case ("jr:requiredMsg", 2...3): element.requiredMessage.set(value, language: language)
        default: element.bindAttributes.append(FormAttribute(name: key[1...].joined(separator: "::"), value: value))
        }
    }

    /// Sets one media text (`image`, `big-image`, `audio`, `video`) in `language`.
    static func setMedia(_ media: inout FormMedia, kind: String, language: String, value: String) {
        switch kind {
        case "image": media.image.set(value, language: language)
        case "big-image": media.bigImage.set(value, language: language)
        case "audio": media.audio.set(value, language: language)
        default: media.video.set(value, language: language)
        }
    }
}
