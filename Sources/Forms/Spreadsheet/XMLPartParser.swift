import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Receives the events of one XML part of a workbook. Element names and attribute keys come
/// without their namespace prefix (`x:row` and `row` are the same), because generators differ in
/// the prefixes they write and Excel's own files never mix two meanings under one local name.
protocol XMLPartHandler: AnyObject {
    func startElement(_ name: String, attributes: [String: String]) throws(XMLPartProblem)
    func endElement(_ name: String) throws(XMLPartProblem)
    func characters(_ text: String)
}

/// A problem a handler found in the content of a part. The parser adds the file, sheet and part,
/// and the position in the XML when no cell is named.
struct XMLPartProblem: Error, Sendable, Equatable {
    var kind: SpreadsheetError.Kind = .unreadableCell
    var cell: String?
    var message: String
}

/// Where a part sits, for error messages.
struct XMLPartContext: Sendable, Equatable {
    var fileName: String
    var part: String
    var sheet: String?
}

/// Feeds an XML part through Foundation's `XMLParser` into an `XMLPartHandler`, event by event:
/// no document tree is built, so large sheets cost little memory. A document type declaration is refused before parsing, because
/// Office files never have one and entity definitions are how XML bombs work.
enum XMLPartParser {
    static func parse(_ data: Data, context: XMLPartContext, into handler: some XMLPartHandler) throws(SpreadsheetError) {
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw SpreadsheetError(
                kind: .malformedXML, fileName: context.fileName, sheet: context.sheet, part: context.part,
                message: "this part contains a document type declaration (<!DOCTYPE …>), which Excel never writes, so the file is refused for safety. Save the workbook again from your spreadsheet program.")
        }
        // A stream, not `XMLParser(data:)`: on Linux the latter hands libxml2 the whole part at
        // once, which it refuses beyond 10 MB ("huge input lookup"); a stream goes in chunks.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let delegate = XMLPartParserDelegate(handler: handler)
        parser.delegate = delegate
        let succeeded = parser.parse()
        if let failure = delegate.failure, failure.syntaxError == nil {
            throw SpreadsheetError(
                kind: failure.problem.kind, fileName: context.fileName, sheet: context.sheet, part: context.part,
                cell: failure.problem.cell,
                line: failure.problem.cell == nil ? failure.line : nil,
                character: failure.problem.cell == nil ? failure.character : nil,
                message: failure.problem.message)
        }
        // On Linux `parse()` can report success after an error; the delegate saw the first one.
        if !succeeded || parser.parserError != nil || delegate.failure != nil {
            let failure = delegate.failure
            throw SpreadsheetError(
                kind: .malformedXML, fileName: context.fileName, sheet: context.sheet, part: context.part,
                line: failure?.line ?? (parser.lineNumber > 0 ? parser.lineNumber : nil),
                character: failure?.character ?? (parser.columnNumber > 0 ? parser.columnNumber : nil),
                message: "this part is not well-formed XML (\(describe(failure?.syntaxError ?? parser.parserError))), so the file is damaged or was not written by a spreadsheet program. Open it in your spreadsheet program and save it again as .xlsx.")
        }
    }

    /// The local part of a possibly prefixed XML name: "x:row" → "row".
    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    private static func describe(_ error: (any Error)?) -> String {
        guard let error = error as NSError?, error.domain == XMLParser.errorDomain,
              let code = XMLParser.ErrorCode(rawValue: error.code)
        else { return "the XML reader gave no reason" }
        switch code {
        case .prematureDocumentEndError, .emptyDocumentError:
            return "the part ends too early"
        case .tagNameMismatchError, .notWellBalancedError:
            return "a closing tag does not match its opening tag"
        case .ltRequiredError, .gtRequiredError, .lessThanSymbolInAttributeError:
            return "a < or > is missing or misplaced"
        case .attributeNotFinishedError, .attributeNotStartedError, .attributeRedefinedError,
             .attributeHasNoValueError:
            return "an attribute is broken"
        case .invalidCharacterError, .invalidCharacterRefError, .invalidCharacterInEntityError,
             .invalidEncodingError, .unknownEncodingError, .encodingNotSupportedError:
            return "it contains a character or encoding XML does not allow"
        case .entityRefLoopError, .entityBoundaryError, .undeclaredEntityError, .entityNotStartedError,
             .entityNotFinishedError, .parsedEntityRefNoNameError:
            return "an entity reference (&…;) is broken"
        case .internalError, .outOfMemoryError:
            return "the XML reader could not finish it"
        default:
            return "XML parser error \(code.rawValue)"
        }
    }
}

/// Bridges `XMLParserDelegate` callbacks to a handler and stops at the first problem.
private final class XMLPartParserDelegate: NSObject, XMLParserDelegate {
    /// The first thing that went wrong: a handler's problem, or an XML syntax error.
    struct Failure {
        var problem: XMLPartProblem
        var syntaxError: (any Error)?
        var line: Int?
        var character: Int?
    }

    let handler: any XMLPartHandler
    private(set) var failure: Failure?

    init(handler: any XMLPartHandler) {
        self.handler = handler
    }

    private func stop(_ parser: XMLParser, _ problem: XMLPartProblem, syntaxError: (any Error)? = nil) {
        guard failure == nil else { return }
        failure = Failure(
            problem: problem, syntaxError: syntaxError,
            line: parser.lineNumber > 0 ? parser.lineNumber : nil,
            character: parser.columnNumber > 0 ? parser.columnNumber : nil)
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        var attributes: [String: String] = [:]
        for (key, value) in attributeDict where !key.hasPrefix("xmlns") {
            attributes[XMLPartParser.localName(key)] = value
        }
        do {
            try handler.startElement(XMLPartParser.localName(elementName), attributes: attributes)
        } catch {
            stop(parser, error)
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard failure == nil else { return }
        do {
            try handler.endElement(XMLPartParser.localName(elementName))
        } catch {
            stop(parser, error)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil else { return }
        handler.characters(string)
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        guard failure == nil else { return }
        handler.characters(whitespaceString)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard failure == nil else { return }
        handler.characters(String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        stop(parser, XMLPartProblem(kind: .malformedXML, message: ""), syntaxError: parseError)
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        stop(parser, XMLPartProblem(
            kind: .malformedXML,
            message: "this part declares an XML entity, which Excel never writes, so the file is refused for safety."))
    }
}
