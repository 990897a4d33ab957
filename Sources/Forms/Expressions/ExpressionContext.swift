import Foundation

/// Everything outside an expression that evaluating it may need: answers, the current node,
/// secondary instances, choice labels, the moment and place, and sources of identifiers.
///
/// All of it is handed in, so evaluation is a pure function of the context: the same
/// submission checked twice gives the same result, and tests fix the clock and the UUIDs.
public struct ExpressionContext: Sendable {
    /// The moment `today()` and `now()` read.
    public var now: Date
    /// Where `today()`, `now()`, `date-time()` and values without an offset are placed.
    public var timeZone: TimeZone
    /// The value of the node the expression belongs to (`.`, `current()`, `once()`), or nil
    /// when it has no answer.
    public var currentValue: String?
    /// The 1-based position of the current repeat instance, for `position()`; nil outside a
    /// repeat (then `position()` gives 1).
    public var position: Int?
    /// The answer to the question `${name}` names, or nil when it was not answered (or not
    /// sent because it was not relevant).
    public var answer: @Sendable (_ name: String) -> String?
    /// For a question inside a repeat: the answers of every instance, in order. Return nil for
    /// questions outside repeats; `answer` is then used.
    public var repeatedAnswers: @Sendable (_ name: String) -> [String]?
    /// The node texts a location path selects, e.g. `instance('districts')/root/item[region = 'north']/label`.
    /// The path arrives in canonical form, with `${name}` inside predicates and function
    /// arguments already replaced by string literals of the answers; a reference that starts
    /// a path stays `${name}`. Paths relative to the current node (`../x`,
    /// `current()/../x`) arrive as written: resolving them is the caller's job. `.` and
    /// `current()` alone never come here (they read ``currentValue``).
    public var pathValues: @Sendable (_ path: String) -> [String]
    /// The label of the choice named `choice` in the list of the question named `question`,
    /// in the language wanted, for `jr:choice-name`.
    public var choiceLabel: @Sendable (_ question: String, _ choice: String) -> String?
    /// A new RFC 4122 UUID for `uuid()`.
    public var makeUUID: @Sendable () -> String
    /// A number in [0, 1) for `random()`; nil makes `random()` an error.
    public var randomNumber: (@Sendable () -> Double)?
    /// How an unanswered question (nil from `answer`) reads. True, the default, matches ODK
    /// Collect, where every question's node exists while a form is filled in: `${q}` is then
    /// one empty node and `${q} = ''` holds. False matches the submitted XML, where questions
    /// that were not relevant are left out: `${q}` is then an empty node-set, and every
    /// comparison with it is false.
    public var unansweredIsEmptyText: Bool

    public init(
        now: Date,
        timeZone: TimeZone = .gmt,
        currentValue: String? = nil,
        position: Int? = nil,
        answer: @escaping @Sendable (_ name: String) -> String? = { _ in nil },
        repeatedAnswers: @escaping @Sendable (_ name: String) -> [String]? = { _ in nil },
        pathValues: @escaping @Sendable (_ path: String) -> [String] = { _ in [] },
        choiceLabel: @escaping @Sendable (_ question: String, _ choice: String) -> String? = { _, _ in nil },
        makeUUID: @escaping @Sendable () -> String = { UUID.random().uuidString.lowercased() },
        randomNumber: (@Sendable () -> Double)? = nil,
        unansweredIsEmptyText: Bool = true
    ) {
        self.now = now
        self.timeZone = timeZone
        self.currentValue = currentValue
        self.position = position
        self.answer = answer
        self.repeatedAnswers = repeatedAnswers
        self.pathValues = pathValues
        self.choiceLabel = choiceLabel
        self.makeUUID = makeUUID
        self.randomNumber = randomNumber
        self.unansweredIsEmptyText = unansweredIsEmptyText
    }

    /// A context whose answers come from a dictionary keyed by question name.
    public init(answers: [String: String], now: Date, timeZone: TimeZone = .gmt, currentValue: String? = nil) {
        self.init(now: now, timeZone: timeZone, currentValue: currentValue, answer: { answers[$0] })
    }

    /// Seconds east of UTC at `now` in `timeZone`.
    var offsetSeconds: Int {
        timeZone.secondsFromGMT(for: now)
    }
}
