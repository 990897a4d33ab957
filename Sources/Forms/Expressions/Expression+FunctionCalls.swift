extension Expression {
    /// Checks every function call against ODK's function table: the name must be known and the
    /// number of arguments accepted. Throws for the first call that is not.
    ///
    /// The form reader calls this at upload so that an author hears about `concat()` typos
    /// before any data is collected.
    public func validateFunctionCalls() throws(ExpressionEvaluationError) {
        var problem: ExpressionEvaluationError?
        visit { expression in
            guard problem == nil, case .function(let name, let arguments) = expression else { return }
            guard let signature = ExpressionFunctionSignature.odk[name] else {
                problem = .unknownFunction(name)
                return
            }
            if !signature.accepts(argumentCount: arguments.count) {
                problem = .wrongArgumentCount(
                    function: name, expected: signature.expectedArguments, actual: arguments.count
                )
            }
        }
        if let problem { throw problem }
    }
}
