extension Expression {
    /// A location path: where it starts and the steps that follow.
    ///
    /// Kept as steps rather than text so that the form reader can see which instance a path
    /// reads (`instance('districts')`) and the printer can write it back canonically.
    public struct Path: Sendable, Hashable {
        /// Where the path starts.
        public var start: Start
        /// The steps, in order. `//` is stored as a `descendant-or-self::node()` step.
        public var steps: [Step]

        public init(start: Start, steps: [Step]) {
            self.start = start
            self.steps = steps
        }

        /// The start of a location path.
        public enum Start: Sendable, Hashable {
            /// `/…`: from the root of the document.
            case root
            /// `name/…`, `./…`, `../…`: from the context node.
            case relative
            /// `f()/…`: from the node-set a primary expression gives (a function call such as
            /// `instance('x')` or `current()`, or a filtered or parenthesised expression).
            case expression(Expression)
        }
    }

    /// One step of a location path: an axis, a node test and predicates.
    public struct Step: Sendable, Hashable {
        public var axis: Axis
        public var test: NodeTest
        public var predicates: [Expression]

        public init(axis: Axis = .child, test: NodeTest, predicates: [Expression] = []) {
            self.axis = axis
            self.test = test
            self.predicates = predicates
        }

        /// `.`: the context node.
        public static let current = Step(axis: .self, test: .node)
        /// `..`: the parent of the context node.
        public static let parent = Step(axis: .parent, test: .node)
        /// The step `//` stands for.
        public static let anyDescendantOrSelf = Step(axis: .descendantOrSelf, test: .node)

        /// A child element step such as `item`.
        public static func child(_ name: String, predicates: [Expression] = []) -> Step {
            Step(axis: .child, test: .name(name), predicates: predicates)
        }
    }

    /// The XPath 1.0 axes. ODK supports only `child`, `parent` and `self` (and `attribute` for
    /// reading secondary instances); the others are parsed so that the form reader can refuse
    /// them with a clear message instead of a syntax error.
    public enum Axis: String, Sendable, Hashable, CaseIterable {
        case ancestor
        case ancestorOrSelf = "ancestor-or-self"
        case attribute
        case child
        case descendant
        case descendantOrSelf = "descendant-or-self"
        case following
        case followingSibling = "following-sibling"
        case namespace
        case parent
        case preceding
        case precedingSibling = "preceding-sibling"
        case `self`
    }

    /// What a step selects on its axis.
    public enum NodeTest: Sendable, Hashable {
        /// An element (or attribute) name, with its prefix if any (`x:item`).
        case name(String)
        /// `*`, or `prefix:*` when the prefix is given.
        case wildcard(prefix: String?)
        /// `node()`
        case node
        /// `text()`
        case text
        /// `comment()`
        case comment
        /// `processing-instruction()`, with its optional literal.
        case processingInstruction(String?)
    }
}
