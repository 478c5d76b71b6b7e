/// Edit distance with adjacent transpositions (optimal string alignment), for suggesting the name a
/// misspelt one was meant to be: "rnage" is one step from "range".
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
        }
    }
    return d[a.count][b.count]
}

/// The message for a mapping key no schema knows: the known key it is probably a misspelling of, else
/// every known key. A key of `retired` (a name an older format version had) gets its own message, naming what
/// replaced it; so does a misspelling nearer to a retired name than to any known one. Model files, the
/// Liangshan plan and scenarios all say it this way.
func unknownKeyMessage(_ key: String, known: [String], retired: [String: String] = [:]) -> String {
    if let why = retired[key] { return why }
    if let guess = closest(to: key, among: known + retired.keys.sorted()), let why = retired[guess] {
        return "unknown key \"\(key)\" (near \"\(guess)\", a key of an older version): \(why)"
    }
    var message = "unknown key \"\(key)\""
    if let guess = closest(to: key, among: known) {
        message += ": did you mean \"\(guess)\"?"
    } else {
        message += ": expected one of \(known.joined(separator: ", "))"
    }
    return message
}

/// The name of `names` nearest to `key`, if near enough to be what was meant.
private func closest(to key: String, among names: [String]) -> String? {
    guard let guess = names.min(by: { editDistance($0, key) < editDistance($1, key) }) else { return nil }
    return editDistance(guess, key) <= max(2, guess.count / 3) ? guess : nil
}
