import Testing
#if canImport(Expressions)
@testable import Expressions
#else
@testable import Forms
#endif

@Suite("Substituting references in the author's text")
struct ExpressionReferenceSubstitutionTests {
    private let toPath: (String) -> String = { " /data/\($0) " }

    @Test func keepsEverythingElseByteForByte() throws {
        let text = "if( ${age}<18 ,'minor',\t\"adult\" )"
        let result = try Expression.substitutingReferences(in: text, toPath)
        #expect(result == "if(  /data/age <18 ,'minor',\t\"adult\" )")
    }

    @Test func skipsReferencesInsideQuotesByDefault() throws {
        let result = try Expression.substitutingReferences(in: "jr:choice-name(${q}, '${q}') != \"${q}\"", toPath)
        #expect(result == "jr:choice-name( /data/q , '${q}') != \"${q}\"")
    }

    @Test func canReplaceInsideQuotesLikePyxform() throws {
        let result = try Expression.substitutingReferences(
            in: "jr:choice-name(${q}, '${q}')", includingStringLiterals: true, toPath
        )
        #expect(result == "jr:choice-name( /data/q , ' /data/q ')")
        // A broken reference inside a string is only text, and stays as written.
        let broken = try Expression.substitutingReferences(in: "'${} and ${x'", includingStringLiterals: true, toPath)
        #expect(broken == "'${} and ${x'")
    }

    @Test func textWithoutReferencesIsUnchanged() throws {
        let text = "regex(.,  '^[0-9]{10}$' )   and  string-length( . )=10"
        #expect(try Expression.substitutingReferences(in: text, toPath) == text)
    }

    @Test func nonASCIITextSurvives() throws {
        let text = "concat('Café 🙂 ', ${nom_prénom})"
        let result = try Expression.substitutingReferences(in: text) { "/data/\($0)" }
        #expect(result == "concat('Café 🙂 ', /data/nom_prénom)")
        #expect(Array(result.utf8).starts(with: Array("concat('Café 🙂 ', ".utf8)))
    }

    @Test func everyOccurrenceIsResolvedInOrder() throws {
        var asked: [String] = []
        _ = try Expression.substitutingReferences(in: "${b} + ${a} + ${b}") { name in
            asked.append(name)
            return name
        }
        #expect(asked == ["b", "a", "b"])
    }

    @Test func malformedReferencesAreSyntaxErrors() {
        #expect(throws: ExpressionSyntaxError(position: 5, message: "unclosed reference '${' starting at character 5: add the closing }")) {
            try Expression.substitutingReferences(in: "1 + ${age", toPath)
        }
        #expect(throws: ExpressionSyntaxError.self) {
            try Expression.substitutingReferences(in: "'unclosed ${a}", toPath)
        }
    }
}
