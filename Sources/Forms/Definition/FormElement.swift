/// One row of the survey sheet that makes something: a question, or a group or repeat made by its
/// `begin` row (the matching `end` row closes it and makes nothing). Every column is kept as the
/// author wrote it; what a column means for the XForm is the writer's business.
public struct FormElement: Sendable, Equatable, Codable {
    /// The `name` column: the element's node name in the submission.
    public var name: String
    public var type: FormElementType
    /// `type` as written (trimmed), for messages and for aliases the writer must keep.
    public var typeText: String
    /// Elements inside a group or repeat, in sheet order; empty for questions.
    public var children: [FormElement]

    public var label: LocalizedText
    public var hint: LocalizedText
    public var guidanceHint: LocalizedText
    public var constraintMessage: LocalizedText
    public var requiredMessage: LocalizedText
    /// Media columns (`image`, `big-image`, `audio`, `video`), each possibly translated.
    public var media: FormMedia

    /// `required`: "yes"/"true"/"1" style values, or an expression.
    public var required: String?
    public var relevant: String?
    public var constraint: String?
    public var calculation: String?
    /// `default`: a value, or for dynamic defaults an expression.
    public var defaultValue: String?
    /// `read_only`: "yes" or an expression.
    public var readOnly: String?
    public var appearance: String?
    public var choiceFilter: String?
    /// `parameters`, split into names and values in the order written (`start=1 end=5 step=1`).
    public var parameters: [FormAttribute]
    /// `repeat_count` of a repeat.
    public var repeatCount: String?
    /// `trigger`: the `${name}` whose change recomputes this element's calculation.
    public var trigger: String?
    /// `bind::x` columns, keyed by `x`.
    public var bindAttributes: [FormAttribute]
    /// `body::x` columns, keyed by `x`.
    public var bodyAttributes: [FormAttribute]
    /// `instance::x` columns, keyed by `x`.
    public var instanceAttributes: [FormAttribute]
    /// Any other non-empty column, by header as written, so nothing the author wrote is lost.
    public var otherColumns: [FormAttribute]
    /// Row of the survey sheet that defined the element (the `begin` row for groups and repeats);
    /// 0 when not read from a file.
    public var row: Int
    /// Row of the matching `end group` / `end repeat`; nil for questions.
    public var endRow: Int?

    public init(name: String, type: FormElementType, typeText: String? = nil, children: [FormElement] = [],
                label: LocalizedText = LocalizedText(), hint: LocalizedText = LocalizedText(),
                guidanceHint: LocalizedText = LocalizedText(), constraintMessage: LocalizedText = LocalizedText(),
                requiredMessage: LocalizedText = LocalizedText(), media: FormMedia = FormMedia(),
                required: String? = nil, relevant: String? = nil, constraint: String? = nil,
                calculation: String? = nil, defaultValue: String? = nil, readOnly: String? = nil,
                appearance: String? = nil, choiceFilter: String? = nil, parameters: [FormAttribute] = [],
                repeatCount: String? = nil, trigger: String? = nil, bindAttributes: [FormAttribute] = [],
                bodyAttributes: [FormAttribute] = [], instanceAttributes: [FormAttribute] = [],
                otherColumns: [FormAttribute] = [], row: Int = 0, endRow: Int? = nil) {
        self.name = name
        self.type = type
        self.typeText = typeText ?? type.xlsFormName
        self.children = children
        self.label = label
        self.hint = hint
        self.guidanceHint = guidanceHint
        self.constraintMessage = constraintMessage
        self.requiredMessage = requiredMessage
        self.media = media
        self.required = required
        self.relevant = relevant
        self.constraint = constraint
        self.calculation = calculation
        self.defaultValue = defaultValue
        self.readOnly = readOnly
        self.appearance = appearance
        self.choiceFilter = choiceFilter
        self.parameters = parameters
        self.repeatCount = repeatCount
        self.trigger = trigger
        self.bindAttributes = bindAttributes
        self.bodyAttributes = bodyAttributes
        self.instanceAttributes = instanceAttributes
        self.otherColumns = otherColumns
        self.row = row
        self.endRow = endRow
    }

    /// Whether this element holds other elements (a group or a repeat).
    public var isSection: Bool {
        switch type {
        case .group, .repeat: true
        default: false
        }
    }
}

/// The media columns of a question or choice, each translatable.
public struct FormMedia: Sendable, Equatable, Codable {
    public var image: LocalizedText
    public var bigImage: LocalizedText
    public var audio: LocalizedText
    public var video: LocalizedText

    public init(image: LocalizedText = LocalizedText(), bigImage: LocalizedText = LocalizedText(),
                audio: LocalizedText = LocalizedText(), video: LocalizedText = LocalizedText()) {
        self.image = image
        self.bigImage = bigImage
        self.audio = audio
        self.video = video
    }

    public var isEmpty: Bool { image.isEmpty && bigImage.isEmpty && audio.isEmpty && video.isEmpty }
}
