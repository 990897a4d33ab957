/// Where a node is (or would be) in a submitted instance: the chain of element names from the root,
/// each with its 1-based occurrence among same-named siblings (`/data/people[2]/age`).
///
/// A chain rather than a node, so that a node the device left out (not relevant, or missing) still
/// has a place: `..` and `${name}` are resolved from it as ODK Collect would while filling in.
struct InstanceLocation: Sendable, Hashable {
    struct Step: Sendable, Hashable {
        var name: String
        var occurrence: Int
    }

    var steps: [Step]

    init(steps: [Step]) {
        self.steps = steps
    }

    /// Reads an index chain as the flattener writes it (`/data/people[2]/child[1]/age`); a step
    /// without `[n]` is the first of its name. Nil when the text is not such a chain.
    init?(indexed path: String) {
        // Read on the bytes: `/`, `[` and `]` are ASCII, so every cut is on a character boundary.
        var steps: [Step] = []
        for part in path.utf8.split(separator: UInt8(ascii: "/")) {
            guard part.last == UInt8(ascii: "]"), let open = part.firstIndex(of: UInt8(ascii: "[")) else {
                steps.append(Step(name: String(path[part.startIndex..<part.endIndex]), occurrence: 1))
                continue
            }
            var occurrence = 0
            for digit in part[part.index(after: open)..<part.index(before: part.endIndex)] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit), occurrence < Int.max / 10 - 9 else { return nil }
                occurrence = occurrence * 10 + Int(digit - UInt8(ascii: "0"))
            }
            guard occurrence >= 1 else { return nil }
            steps.append(Step(name: String(path[part.startIndex..<open]), occurrence: occurrence))
        }
        guard !steps.isEmpty else { return nil }
        self.steps = steps
    }

    var parent: InstanceLocation? {
        steps.count > 1 ? InstanceLocation(steps: Array(steps.dropLast())) : nil
    }

    func child(_ name: String, occurrence: Int) -> InstanceLocation {
        InstanceLocation(steps: steps + [Step(name: name, occurrence: occurrence)])
    }

    /// The node at this location in the tree under `root`, if the submission has it.
    func node(in root: InstanceNode) -> InstanceNode? {
        guard let first = steps.first, first.name == root.name, first.occurrence == 1 else { return nil }
        var node = root
        for step in steps.dropFirst() {
            var remaining = step.occurrence
            guard let found = node.children.first(where: { child in
                guard child.name == step.name else { return false }
                remaining -= 1
                return remaining == 0
            }) else { return nil }
            node = found
        }
        return node
    }

    /// The locations of the element children of the node here (all of them, or those named `name`).
    func children(in root: InstanceNode, named name: String?) -> [InstanceLocation] {
        guard let node = node(in: root) else { return [] }
        var seen: [String: Int] = [:]
        var result: [InstanceLocation] = []
        for child in node.children {
            let occurrence = (seen[child.name] ?? 0) + 1
            seen[child.name] = occurrence
            if name == nil || name == child.name { result.append(self.child(child.name, occurrence: occurrence)) }
        }
        return result
    }
}

extension InstanceNode {
    /// XPath's string value of an element: its own text for an answer, the text of every
    /// descendant in document order for a group.
    var stringValue: String {
        children.isEmpty ? text : text.trimmingXPathWhitespace() + children.map(\.stringValue).joined()
    }
}
