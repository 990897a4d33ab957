/// Splits an XLSForm expression into the coarse tokens pyxform uses for two decisions: whether a
/// `default` is dynamic (then it becomes a `setvalue` action instead of an instance value), and
/// where an `instance('…')/…` path in a label starts and ends (it becomes an `<output>`). The rules
/// are tried in a fixed order at each position and the first that matches wins, as in pyxform, so
/// "2020-01-01" is one date and "a-b" is one name.
enum XFormExpressionLexer {
    enum Kind: Sendable, Equatable {
        case dateTime, date, time, number, mathOperator, comparison, booleanOperator, union
        case openParenthesis, closeParenthesis, bracket, parent, selfReference, pathSeparator
        case literal, comma, whitespace, reference, functionCall, predicateStart, predicateEnd
        case uriScheme, name, referenceStart, referenceEnd, other
    }

    struct Token: Sendable, Equatable {
        var kind: Kind
        var text: String
        /// Character offsets in the lexed text.
        var start: Int
        var end: Int
    }

    static func tokens(_ text: String) -> [Token] {
        let scanner = Scanner(characters: Array(text))
        var tokens: [Token] = []
        var position = 0
        while position < scanner.characters.count {
            let (kind, length) = scanner.token(at: position)
            tokens.append(Token(kind: kind, text: String(scanner.characters[position..<position + length]),
                                start: position, end: position + length))
            position += length
        }
        return tokens
    }

    /// Matches pyxform's lexer rules at one position, in their priority order.
    private struct Scanner {
        let characters: [Character]

        private func character(_ index: Int) -> Character? {
            index < characters.count ? characters[index] : nil
        }

        private func has(_ literal: String, at index: Int) -> Bool {
            var cursor = index
            for expected in literal {
                guard character(cursor) == expected else { return false }
                cursor += 1
            }
            return true
        }

        private func isDigit(_ index: Int) -> Bool {
            guard let character = character(index), character.unicodeScalars.count == 1 else { return false }
            return character.unicodeScalars.first?.properties.numericType == .decimal
        }

        private func isWhitespace(_ index: Int) -> Bool {
            character(index)?.isWhitespace ?? false
        }

        private func digits(at index: Int, count: Int) -> Bool {
            (index..<index + count).allSatisfy(isDigit)
        }

        /// `-?\d{4}-\d{2}-\d{2}`
        private func date(at index: Int) -> Int? {
            let start = character(index) == "-" ? index + 1 : index
            guard digits(at: start, count: 4), character(start + 4) == "-", digits(at: start + 5, count: 2),
                  character(start + 7) == "-", digits(at: start + 8, count: 2) else { return nil }
            return start + 10 - index
        }

        /// `\d{2}:\d{2}:\d{2}(\.\s+)?(([+-]\d{2}:\d{2})|Z)?`
        private func time(at index: Int) -> Int? {
            guard digits(at: index, count: 2), character(index + 2) == ":", digits(at: index + 3, count: 2),
                  character(index + 5) == ":", digits(at: index + 6, count: 2) else { return nil }
            var end = index + 8
            if character(end) == ".", isWhitespace(end + 1) {
                end += 1
                while isWhitespace(end) { end += 1 }
            }
            if let sign = character(end), sign == "+" || sign == "-", digits(at: end + 1, count: 2),
               character(end + 3) == ":", digits(at: end + 4, count: 2) {
                end += 6
            } else if character(end) == "Z" {
                end += 1
            }
            return end - index
        }

        /// `-?\d+\.\d*|-?\.\d+|-?\d+`
        private func number(at index: Int) -> Int? {
            let start = character(index) == "-" ? index + 1 : index
            var end = start
            while isDigit(end) { end += 1 }
            if end > start {
                if character(end) == "." {
                    end += 1
                    while isDigit(end) { end += 1 }
                }
                return end - index
            }
            if character(start) == ".", isDigit(start + 1) {
                end = start + 1
                while isDigit(end) { end += 1 }
                return end - index
            }
            return nil
        }

        /// End of the name starting at `index`, if one does.
        private func nameEnd(at index: Int) -> Int? {
            guard let first = character(index), XFormReference.isNameStart(first) else { return nil }
            var end = index + 1
            while let next = character(end), XFormReference.isNameCharacter(next) { end += 1 }
            return end
        }

        /// Ends of `prefix:name` and of `name`, longest first.
        private func prefixedNameEnds(at index: Int) -> [Int] {
            guard let short = nameEnd(at: index) else { return [] }
            if character(short) == ":", let long = nameEnd(at: short + 1) { return [long, short] }
            return [short]
        }

        /// `${name}` or `${last-saved#name}`.
        private func reference(at index: Int) -> Int? {
            guard has("${", at: index) else { return nil }
            var starts = [index + 2]
            if has("last-saved#", at: index + 2) { starts.insert(index + 2 + "last-saved#".count, at: 0) }
            for start in starts {
                if let end = nameEnd(at: start), character(end) == "}" { return end + 1 - index }
            }
            return nil
        }

        func token(at index: Int) -> (Kind, Int) {
            if let date = date(at: index), character(index + date) == "T", let time = time(at: index + date + 1) {
                return (.dateTime, date + 1 + time)
            }
            if let date = date(at: index) { return (.date, date) }
            if let time = time(at: index) { return (.time, time) }
            if let number = number(at: index) { return (.number, number) }
            guard let current = character(index) else { return (.other, 1) }
            if "*+-".contains(current) { return (.mathOperator, 1) }
            if has(" mod ", at: index) || has(" div ", at: index) { return (.mathOperator, 5) }
            if current == "=" || current == "<" || current == ">" { return (.comparison, 1) }
            if has("!=", at: index) { return (.comparison, 2) }
            if has(" and ", at: index) { return (.booleanOperator, 5) }
            if has(" or ", at: index) { return (.booleanOperator, 4) }
            switch current {
            case "|": return (.union, 1)
            case "(": return (.openParenthesis, 1)
            case ")": return (.closeParenthesis, 1)
            case "[", "{", "}": return (.bracket, 1)
            case ".": return has("..", at: index) ? (.parent, 2) : (.selfReference, 1)
            case "/": return (.pathSeparator, 1)
            case "\"", "'":
                if let close = characters[(index + 1)...].firstIndex(of: current) { return (.literal, close + 1 - index) }
            case ",": return (.comma, 1)
            default: break
            }
            if current.isWhitespace {
                var end = index + 1
                while isWhitespace(end) { end += 1 }
                return (.whitespace, end - index)
            }
            if let reference = reference(at: index) { return (.reference, reference) }
            let nameEnds = prefixedNameEnds(at: index)
            if let end = nameEnds.first(where: { character($0) == "(" }) { return (.functionCall, end + 1 - index) }
            if let end = nameEnds.first(where: { character($0) == "[" }) { return (.predicateStart, end + 1 - index) }
            if current == "]" { return (.predicateEnd, 1) }
            if let end = nameEnd(at: index), has("://", at: end) { return (.uriScheme, end + 3 - index) }
            if let end = nameEnds.first { return (.name, end - index) }
            if has("${", at: index) { return (.referenceStart, 2) }
            return (.other, 1)
        }
    }

    /// pyxform's test for a dynamic default: any arithmetic operator (except a minus in a date or
    /// geo value), union, `${name}` or function call.
    static func isDynamicDefault(_ value: String?, typeName: String) -> Bool {
        guard let value, !value.isEmpty else { return false }
        // Every dynamic token needs one of these; most defaults are plain values.
        guard value.contains(where: { "*+-|(".contains($0) }) || value.contains("${") || value.contains(" mod ")
            || value.contains(" div ") else { return false }
        let hyphenTypes: Set<String> = ["date", "dateTime", "geopoint", "geotrace", "geoshape"]
        for token in tokens(value) {
            if hyphenTypes.contains(typeName), token.kind == .mathOperator, token.text == "-" { return false }
            switch token.kind {
            case .mathOperator, .union, .reference, .functionCall: return true
            default: continue
            }
        }
        return false
    }

    /// Character ranges of the `instance('…')/path[…]` expressions in `text`, the way pyxform finds
    /// them to turn them into `<output>` elements.
    static func instanceExpressionBounds(_ text: String) -> [Range<Int>] {
        let tokens = tokens(text)
        var entered = false, inPath = false, inPredicate = false
        var last: Token?
        var bounds: [Int] = []
        for token in tokens {
            var emit = false
            if !entered, token.kind == .functionCall, token.text == "instance(" {
                entered = true
                emit = true
                bounds.append(token.start)
            } else if entered, let previous = last {
                if token.kind == .literal, previous.kind == .functionCall, previous.text == "instance(" {
                    emit = true
                } else if previous.kind == .literal, token.kind == .closeParenthesis {
                    emit = true
                } else if token.kind == .pathSeparator, previous.kind == .closeParenthesis {
                    emit = true
                    inPath = true
                } else if token.kind == .pathSeparator, previous.kind == .predicateEnd {
                    emit = true
                    inPath = true
                } else if inPath {
                    if token.kind == .whitespace {
                        inPath = false
                    } else if token.kind != .predicateStart {
                        emit = true
                    } else {
                        emit = true
                        inPath = false
                        inPredicate = true
                    }
                } else if inPredicate {
                    emit = true
                    if token.kind == .predicateEnd { inPredicate = false }
                }
            }
            if emit {
                last = token
            } else if entered, let previous = last {
                entered = false
                bounds.append(previous.end)
            }
        }
        if let last { bounds.append(last.end) }
        var ranges: [Range<Int>] = []
        var index = 0
        while index + 1 < bounds.count {
            ranges.append(bounds[index]..<bounds[index + 1])
            index += 2
        }
        return ranges
    }
}
