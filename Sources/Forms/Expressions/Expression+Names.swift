extension Expression {
    /// The question names used through `${name}`, in order of first use, each once.
    /// The form reader checks them against the survey sheet.
    public var references: [String] {
        var names = OrderedNames()
        visit { if case .reference(let name) = $0 { names.insert(name) } }
        return names.list
    }

    /// The names of the functions called (with prefixes, e.g. `jr:choice-name`), in order of
    /// first use, each once. The form reader refuses the ones ODK does not know.
    public var functions: [String] {
        var names = OrderedNames()
        visit { if case .function(let name, _) = $0 { names.insert(name) } }
        return names.list
    }

    /// Calls `body` on this expression and every expression inside it, parents first, left to
    /// right (arguments, operands, path starts and predicates).
    func visit(_ body: (Expression) -> Void) {
        body(self)
        switch self {
        case .number, .string, .reference:
            break
        case .path(let path):
            if case .expression(let start) = path.start { start.visit(body) }
            for step in path.steps {
                for predicate in step.predicates { predicate.visit(body) }
            }
        case .filter(let base, let predicates):
            base.visit(body)
            for predicate in predicates { predicate.visit(body) }
        case .function(_, let arguments):
            for argument in arguments { argument.visit(body) }
        case .negation(let operand):
            operand.visit(body)
        case .binary(_, let left, let right), .union(let left, let right):
            left.visit(body)
            right.visit(body)
        }
    }
}

/// Names in order of first insertion, without repeats.
private struct OrderedNames {
    private(set) var list: [String] = []
    private var seen: Set<String> = []

    mutating func insert(_ name: String) {
        if seen.insert(name).inserted { list.append(name) }
    }
}
