import Foundation

/// Turning `${name}` into XPath, exactly where and how pyxform does: absolute paths with a space
/// on each side (` /data/age `), relative paths (` ../age `) when both ends share a repeat, with
/// `current()/` inside choice filters and secondary-instance predicates, absolute paths for the
/// repeat arguments of `indexed-repeat()`, and `instance('__last-saved')` for `${last-saved#name}`.
extension XFormSurvey {
    /// Where a piece of text came from, so a bad reference can be reported precisely.
    struct TextSite: Sendable {
        var sheet: String
        var row: Int
        var column: String

        static func survey(_ node: Node, _ column: String) -> TextSite {
            TextSite(sheet: "survey", row: node.row, column: column)
        }
    }

    /// The node a `${name}` refers to, or a problem naming the place of the reference.
    func target(of name: String, at site: TextSite) throws(FormDefinitionError) -> Int {
        switch nodeByName[name] {
        case .some(.some(let index)):
            return index
        case .some(.none):
            throw problem(at: site, "${\(name)} is ambiguous: more than one question, group or repeat is named '\(name)'. Give them different names.")
        case .none:
            throw problem(at: site, "${\(name)} refers to nothing: no question, group or repeat is named '\(name)'. Check the spelling in the name column.")
        }
    }

    func problem(at site: TextSite, _ message: String) -> FormDefinitionError {
        FormDefinitionError(problems: [FormProblem(
            file: fileName, sheet: site.sheet, row: site.row > 0 ? site.row : nil, column: site.column, message: message)])
    }

    /// Replaces every `${name}` in an expression with its path (pyxform's `insert_xpaths`).
    /// - Parameters:
    ///   - context: the node the expression belongs to; relative paths are taken from it.
    ///   - useCurrent: prefix relative paths with `current()/` (choice filters).
    ///   - referenceParent: for itemsets that point at a repeat, reference the repeat's parent.
    func insertingPaths(_ text: String, context: Int?, at site: TextSite, useCurrent: Bool = false,
                        referenceParent: Bool = false) throws(FormDefinitionError) -> String {
        guard text.count > 2, text.contains("${") else { return text }
        let matches = XFormReference.matches(in: text)
        guard !matches.isEmpty else { return text }
        var result = ""
        var position = text.startIndex
        for match in matches {
            result += text[position..<match.range.lowerBound]
            result += try path(for: match, in: text, context: context, at: site,
                               useCurrent: useCurrent, referenceParent: referenceParent)
            position = match.range.upperBound
        }
        result += text[position...]
        return result
    }

    /// Display text with `${name}` (and `instance(…)` paths) turned into `<output value="…"/>`
    /// elements (pyxform's `insert_output_values`); returns the text unchanged when there is none.
    func outputContent(_ text: String, context: Int?, at site: TextSite) throws(FormDefinitionError)
        -> (content: [MarkupElement.Content], changed: Bool) {
        guard text != "-" else { return ([.text(text)], false) }
        let escaped = text.xmlEscaped(quotes: false)
        var content: [MarkupElement.Content] = []
        var changed = false
        var pieces: [(text: String, isInstance: Bool)] = []
        if escaped.count > 9, escaped.contains("instance(") {
            var position = 0
            let characters = Array(escaped)
            for bounds in XFormExpressionLexer.instanceExpressionBounds(escaped) {
                pieces.append((String(characters[position..<bounds.lowerBound]), false))
                pieces.append((String(characters[bounds]), true))
                position = bounds.upperBound
            }
            pieces.append((String(characters[position...]), false))
        } else {
            pieces = [(escaped, false)]
        }
        for piece in pieces {
            if piece.isInstance {
                let value = try insertingOutputPaths(piece.text, wholeText: piece.text, context: context, at: site)
                content.append(.element(MarkupElement("output", attributes: [("value", value)])))
                changed = true
                continue
            }
            let matches = XFormReference.matches(in: piece.text)
            var position = piece.text.startIndex
            for match in matches {
                appendText(MarkupElement.unescape(String(piece.text[position..<match.range.lowerBound])), to: &content)
                let value = try path(for: match, in: piece.text, context: context, at: site,
                                     useCurrent: false, referenceParent: false)
                content.append(.element(MarkupElement("output", attributes: [("value", value)])))
                changed = true
                position = match.range.upperBound
            }
            appendText(MarkupElement.unescape(String(piece.text[position...])), to: &content)
        }
        return changed ? (content, true) : ([.text(text)], false)
    }

    private func appendText(_ text: String, to content: inout [MarkupElement.Content]) {
        guard !text.isEmpty else { return }
        if case .text(let previous)? = content.last {
            content[content.count - 1] = .text(previous + text)
        } else {
            content.append(.text(text))
        }
    }

    private func insertingOutputPaths(_ text: String, wholeText: String, context: Int?,
                                      at site: TextSite) throws(FormDefinitionError) -> String {
        var result = ""
        var position = text.startIndex
        for match in XFormReference.matches(in: text) {
            result += text[position..<match.range.lowerBound]
            result += try path(for: match, in: wholeText, context: context, at: site,
                               useCurrent: false, referenceParent: false)
            position = match.range.upperBound
        }
        result += text[position...]
        return result
    }

    /// The replacement for one reference (pyxform's `_var_repl_function`).
    private func path(for match: XFormReference.Match, in text: String, context: Int?, at site: TextSite,
                      useCurrent: Bool, referenceParent: Bool) throws(FormDefinitionError) -> String {
        let target = try target(of: match.name, at: site)
        if let context, !match.lastSaved, returnsRelativePath(match, in: text) {
            let current = useCurrent || isInSecondaryInstancePredicate(match, in: text)
            if let relative = relativePath(to: target, name: match.name, from: context,
                                           useCurrent: current, referenceParent: referenceParent) {
                return relative
            }
        }
        let prefix = match.lastSaved ? "instance('__last-saved')" : ""
        return " \(prefix)\(xpath(of: target)) "
    }

    private func relativePath(to target: Int, name: String, from source: Int, useCurrent: Bool,
                              referenceParent: Bool) -> String? {
        guard let (lcar, repeatSteps) = lowestCommonRepeat(of: source, and: target) else { return nil }
        var steps = 0
        var path = ""
        let targetRepeat = enclosingRepeat(of: target)
        let sourceRepeat = enclosingRepeat(of: source)
        let lcarInRepeat = enclosingRepeat(of: lcar) != nil
        if referenceParent, lcar == targetRepeat, !lcarInRepeat || sourceRepeat != lcar,
           let lcarParent = nodes[lcar].parent {
            steps = repeatSteps + 1
            path = xpath(of: target, below: lcarParent)
        } else if let (lca, sectionSteps) = lowestCommonSection(of: source, and: target) {
            steps = sectionSteps
            path = xpath(of: target, below: lca)
        }
        guard steps > 0 else { return nil }
        if !path.hasSuffix(name) { path = "/" + name }
        let up = Array(repeating: "..", count: steps).joined(separator: "/")
        return (useCurrent ? " current()/" : " ") + up + path + " "
    }

    /// The lowest group or repeat containing both nodes, with the steps up from `source`.
    private func lowestCommonSection(of source: Int, and target: Int) -> (Int, Int)? {
        let targetAncestors = Set(ancestors(of: target))
        for (distance, ancestor) in ancestors(of: source).enumerated()
        where (nodes[ancestor].kind == .repeat || nodes[ancestor].kind == .group) && targetAncestors.contains(ancestor) {
            return (ancestor, distance + 1)
        }
        return nil
    }

    /// pyxform keeps the repeat arguments of `indexed-repeat()` absolute (arguments 1, 2, 4 and 6)
    /// and makes every other reference relative.
    private func returnsRelativePath(_ match: XFormReference.Match, in text: String) -> Bool {
        guard text.contains("indexed-repeat(") else { return true }
        guard let callRegex = try? Regex(#"indexed-repeat\([^)]+\)"#),
              let argumentsRegex = try? Regex(#"\b[^()]+\((.*)\)$"#) else { return true }
        let calls = text.matches(of: callRegex).map(\.range)
        var index = 0
        while index < calls.count {
            let call = calls[index]
            if match.range.upperBound > call.upperBound {
                if index + 1 < calls.count {
                    index += 2
                    continue
                }
                return true
            }
            if match.range.upperBound < call.lowerBound || match.range.lowerBound > call.upperBound {
                return true
            }
            let callText = text[call]
            guard let argumentsMatch = try? argumentsRegex.firstMatch(in: callText),
                  let arguments = argumentsMatch.output[1].substring else { return false }
            let reference = "${\(match.name)}"
            var position: Int?
            for (offset, argument) in arguments.split(separator: ",", omittingEmptySubsequences: false).enumerated()
            where argument.trimmingCharacters(in: .whitespacesAndNewlines).contains(reference) {
                position = offset
            }
            guard let position else { return false }
            return ![0, 1, 3, 5].contains(position)
        }
        return false
    }

    /// Whether the reference sits inside `[…]` of an expression that uses `instance(…)`.
    private func isInSecondaryInstancePredicate(_ match: XFormReference.Match, in text: String) -> Bool {
        guard text.contains("instance("), let instanceRegex = try? Regex(#"instance\([^)]+.+"#), text.contains(instanceRegex),
              let bracketRegex = try? Regex(#"\[([^\]]+)\]"#) else { return false }
        return text.matches(of: bracketRegex).contains { bracket in
            match.range.lowerBound >= bracket.range.lowerBound && match.range.upperBound <= bracket.range.upperBound
        }
    }
}
