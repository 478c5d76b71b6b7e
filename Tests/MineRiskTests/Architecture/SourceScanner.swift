import Foundation

/// What a Swift file declares and uses, read from its text: enough to check which folder uses which.
///
/// Comments and string literals are blanked first (an interpolation's code is kept), keeping every line
/// where it was, so that a use is reported at its own line.
struct ScannedFile {
    /// The path shown in messages, relative to the repository.
    let path: String
    /// The text with comments and string literals blanked.
    let code: String
    /// Top-level types and non-private free functions, with their lines.
    var declarations: [(name: String, line: Int)] = []
    /// Members added by a top-level extension to a type the file does not declare (e.g. `Double.clean`), with a
    /// function's first argument label (`rounded(to:)` is not the standard library's `rounded()`).
    var extensionMembers: [(name: String, extended: String, label: String?)] = []
    /// Every name declared anywhere in the file (types, functions, properties, cases, parameters' labels aside).
    var localNames: Set<String> = []

    init(path: String, text: String) {
        self.path = path
        code = SourceScanner.blankCommentsAndStrings(text)
        scanDeclarations()
    }

    /// Each identifier of the code with its line (1-based), whether a `.` comes right before it, and the
    /// first argument label when a call follows (`x.rounded(to: 4)` gives "to").
    func identifiers() -> [(name: String, line: Int, afterDot: Bool, label: String?)] {
        let characters = Array(code)
        func isIdentifier(_ c: Character, first: Bool) -> Bool { c == "_" || c.isLetter || (!first && c.isNumber) }
        func skipSpaces(_ k: inout Int) { while k < characters.count, characters[k] == " " || characters[k] == "\n" { k += 1 } }
        var result: [(name: String, line: Int, afterDot: Bool, label: String?)] = []
        var line = 1
        var previous: Character = " "
        var i = 0
        while i < characters.count {
            let c = characters[i]
            guard isIdentifier(c, first: true) else {
                if c == "\n" { line += 1 }
                if !c.isWhitespace { previous = c }
                i += 1
                continue
            }
            var end = i
            while end < characters.count, isIdentifier(characters[end], first: false) { end += 1 }
            let name = String(characters[i..<end])
            // A call's first label: `(`, a word, `:` (and not `::`).
            var label: String?
            var k = end
            skipSpaces(&k)
            if k < characters.count, characters[k] == "(" {
                k += 1
                skipSpaces(&k)
                var wordEnd = k
                while wordEnd < characters.count, isIdentifier(characters[wordEnd], first: wordEnd == k) { wordEnd += 1 }
                var colon = wordEnd
                skipSpaces(&colon)
                if wordEnd > k, colon < characters.count, characters[colon] == ":" { label = String(characters[k..<wordEnd]) }
            }
            result.append((name, line, previous == ".", label))
            previous = characters[end - 1]
            i = end
        }
        return result
    }

    private mutating func scanDeclarations() {
        let keywords: Set<String> = ["struct", "class", "enum", "protocol", "actor", "typealias", "func", "var", "let", "case",
                                     "extension", "associatedtype"]
        let hidden: Set<String> = ["private", "fileprivate"]
        var depth = 0
        var line = 1
        var words: [String] = []
        var current = ""
        var extended: String?
        var extensionDepth = 0
        // The extension function whose first argument label is still to be read.
        var labelOwner: Int?
        func finishWord() {
            guard !current.isEmpty else { return }
            if let owner = labelOwner, words.last == "(" {
                // `func f(_ x: T)` has no label; `func f(to places: Int)` and `func f(to: Int)` have "to".
                extensionMembers[owner].label = current == "_" ? nil : current
                labelOwner = nil
            }
            if let last = words.last, keywords.contains(last), last != "extension" || depth == 0 {
                let name = current
                let topLevel = depth == 0
                if last == "extension" {
                    extended = name
                    extensionDepth = 1
                } else {
                    localNames.insert(name)
                    let isType = ["struct", "class", "enum", "protocol", "actor", "typealias"].contains(last)
                    let isPrivate = words.dropLast().suffix(4).contains { hidden.contains($0) }
                    if topLevel && (isType || (last == "func" && !isPrivate)) { declarations.append((name, line)) }
                    if let extended, depth == extensionDepth, ["func", "var", "let"].contains(last), !isPrivate {
                        extensionMembers.append((name, extended, nil))
                        if last == "func" { labelOwner = extensionMembers.count - 1 }
                    }
                }
            }
            words.append(current)
            if words.count > 8 { words.removeFirst() }
            current = ""
        }
        for character in code {
            if character == "_" || character.isLetter || (character.isNumber && !current.isEmpty) || (character == "`") {
                if character != "`" { current.append(character) }
                continue
            }
            finishWord()
            switch character {
            case "{":
                depth += 1
            case "}":
                depth -= 1
                if depth == 0 { extended = nil }
            case "\n":
                line += 1
            case "(", ")", ":", "=", ",", "<", ">", ";":
                words.append(String(character))
                if character == ")" { labelOwner = nil }
            default:
                break
            }
        }
        finishWord()
        // A top-level extension of a type declared in this file adds nothing to resolve elsewhere by member name.
        let declaredTypes = Set(declarations.map(\.name))
        extensionMembers.removeAll { declaredTypes.contains($0.extended) }
    }
}

enum SourceScanner {
    /// The text with `//` and `/* */` comments and string literals replaced by spaces, newlines kept;
    /// the code inside a string's `\( … )` interpolations is kept.
    static func blankCommentsAndStrings(_ text: String) -> String {
        let characters = Array(text)
        var output: [Character] = []
        output.reserveCapacity(characters.count)
        var i = 0
        // Interpolation nesting: for each open string, the parenthesis depth inside its current interpolation.
        var interpolations: [(delimiter: String, depth: Int)] = []
        func blank(_ c: Character) { output.append(c == "\n" ? "\n" : " ") }
        func at(_ s: String) -> Bool {
            let s = Array(s)
            return i + s.count <= characters.count && Array(characters[i..<(i + s.count)]) == s
        }
        /// Blanks a string literal from its opening quote(s) to its end; returns when it ends or an interpolation opens.
        func blankString(delimiter: String, pounds: Int) {
            let closing = delimiter + String(repeating: "#", count: pounds)
            let interpolation = "\\" + String(repeating: "#", count: pounds) + "("
            while i < characters.count {
                if at(closing) {
                    for c in closing { blank(c) }
                    i += closing.count
                    return
                }
                if at(interpolation) {
                    for c in interpolation { blank(c) }
                    i += interpolation.count
                    interpolations.append((closing, 0))
                    return
                }
                if characters[i] == "\\" && i + 1 < characters.count {
                    blank(characters[i]); blank(characters[i + 1])
                    i += 2
                    continue
                }
                blank(characters[i])
                i += 1
            }
        }
        while i < characters.count {
            let c = characters[i]
            if at("//") {
                while i < characters.count && characters[i] != "\n" { blank(characters[i]); i += 1 }
                continue
            }
            if at("/*") {
                var nesting = 0
                repeat {
                    if at("/*") { nesting += 1; blank("/"); blank("*"); i += 2; continue }
                    if at("*/") { nesting -= 1; blank("*"); blank("/"); i += 2; continue }
                    blank(characters[i]); i += 1
                } while i < characters.count && nesting > 0
                continue
            }
            if var open = interpolations.last {
                if c == "(" { open.depth += 1 }
                if c == ")" {
                    if open.depth == 0 {
                        interpolations.removeLast()
                        blank(c)
                        i += 1
                        let pounds = open.delimiter.filter { $0 == "#" }.count
                        blankString(delimiter: String(open.delimiter.dropLast(pounds)), pounds: pounds)
                        continue
                    }
                    open.depth -= 1
                }
                interpolations[interpolations.count - 1] = open
            }
            if c == "#" || c == "\"" {
                var pounds = 0
                while i + pounds < characters.count && characters[i + pounds] == "#" { pounds += 1 }
                if i + pounds < characters.count && characters[i + pounds] == "\"" {
                    for _ in 0..<pounds { blank("#") }
                    i += pounds
                    let delimiter = at("\"\"\"") ? "\"\"\"" : "\""
                    for q in delimiter { blank(q) }
                    i += delimiter.count
                    blankString(delimiter: delimiter, pounds: pounds)
                    continue
                }
            }
            output.append(c)
            i += 1
        }
        return String(output)
    }
}
