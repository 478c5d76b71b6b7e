import Yams

/// A YAML syntax error at its line and column, without the parser's own echo of the line.
func yamlSyntaxProblem(_ error: YamlError, file: String) -> MineRiskError {
    switch error {
    case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
        let while_ = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
        return .invalid(SourceLocation(file: file, line: mark.line, column: mark.column), "not valid YAML: \(problem)\(while_)")
    case let .duplicatedKeysInMapping(duplicates, context):
        return .invalid(SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                        "a key appears twice in one mapping: \(duplicates.sorted().joined(separator: ", "))")
    default:
        return .invalid(SourceLocation(file: file), "not valid YAML: \(error)")
    }
}
