import Testing
#if canImport(Expressions)
@testable import Expressions
#else
@testable import Forms
#endif

@Suite("Printing then parsing gives the same tree")
struct ExpressionRoundTripTests {
    @Test(arguments: 0..<8)
    func generatedTreesRoundTrip(seed: UInt64) throws {
        var generator = ExpressionTreeGenerator(seed: seed)
        for _ in 0..<250 {
            let tree = generator.expression(depth: 4)
            let text = tree.description
            let reparsed = try Expression.parse(text)
            #expect(reparsed == tree, "\(text)")
            #expect(reparsed.description == text)
        }
    }

    @Test func loneRootIsParenthesisedAsAnOperand() throws {
        let root = Expression.path(Expression.Path(start: .root, steps: []))
        let product = Expression.binary(.multiply, root, .number("2"))
        #expect(product.description == "(/) * 2")
        #expect(try Expression.parse(product.description) == product)
        #expect(root.description == "/")
    }
}

/// Builds random expression trees of the shapes the parser produces, reproducibly from a seed.
private struct ExpressionTreeGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    /// SplitMix64.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    private mutating func pick<T>(_ choices: [T]) -> T {
        choices[below(choices.count)]
    }

    mutating func expression(depth: Int) -> Expression {
        let kind = depth <= 0 ? below(4) : below(10)
        switch kind {
        case 0: return .number(pick(["0", "7", "1.50", ".5", "5.", "120"]))
        case 1: return .string(pick(["", "yes", "it's", "say \"hi\"", "${q}", "a b"]))
        case 2: return .reference(pick(["age", "q1", "first_name", "a-b.c"]))
        case 3: return .path(path(depth: depth - 1))
        case 4: return .function(pick(["if", "concat", "jr:choice-name", "today", "f"]),
                                 arguments: (0..<below(4)).map { _ in expression(depth: depth - 1) })
        case 5: return .negation(expression(depth: depth - 1))
        case 6: return .union(expression(depth: depth - 1), expression(depth: depth - 1))
        case 7: return .filter(primary(depth: depth - 1), predicates: (0...below(2)).map { _ in expression(depth: depth - 1) })
        default:
            return .binary(pick(Expression.BinaryOperator.allCases), expression(depth: depth - 1), expression(depth: depth - 1))
        }
    }

    private mutating func primary(depth: Int) -> Expression {
        switch below(4) {
        case 0: .number("3")
        case 1: .string("x")
        case 2: .reference("r")
        default: .function("instance", arguments: [.string("list")])
        }
    }

    private mutating func path(depth: Int) -> Expression.Path {
        let start: Expression.Path.Start
        switch below(3) {
        case 0: start = .root
        case 1: start = .relative
        default: start = .expression(below(2) == 0 ? primary(depth: depth) : expression(depth: depth))
        }
        let steps = (0...below(3)).map { _ in step(depth: depth) }
        return Expression.Path(start: start, steps: steps)
    }

    private mutating func step(depth: Int) -> Expression.Step {
        let predicates = depth > 0 && below(3) == 0 ? [expression(depth: depth - 1)] : []
        switch below(9) {
        case 0: return .current
        case 1: return .parent
        case 2: return .anyDescendantOrSelf
        case 3: return Expression.Step(axis: .attribute, test: .name("id"), predicates: predicates)
        case 4: return Expression.Step(test: .wildcard(prefix: pick([nil, "h"])), predicates: predicates)
        case 5: return Expression.Step(axis: pick(Expression.Axis.allCases), test: pick([.node, .text, .name("x")]), predicates: predicates)
        case 6: return Expression.Step(axis: .self, test: .node, predicates: predicates)
        default: return .child(pick(["item", "div", "and", "x:label", "text", "mod"]), predicates: predicates)
        }
    }
}
