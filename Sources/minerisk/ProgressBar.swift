import Foundation

/// A progress bar on stderr for runs longer than about a second; silent when stderr is not a terminal.
struct ProgressBar {
    let label: String
    let unit: String
    private let enabled = isatty(STDERR_FILENO) != 0
    private let start = Date()
    private var lastDraw: Date?
    private static let delay: TimeInterval = 1
    private static let width = 30

    init(label: String, unit: String) {
        self.label = label
        self.unit = unit
    }

    /// Redraws, at most ten times a second, once the run has lasted a second.
    mutating func update(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(start) >= Self.delay else { return }
        if let lastDraw, now.timeIntervalSince(lastDraw) < 0.1, done < total { return }
        lastDraw = now
        let filled = Self.width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: Self.width - filled)
        let line = String(format: "\r%@ %@ %3d%% %d/%d %@ %.0fs", label, bar, 100 * done / total, done, total, unit, now.timeIntervalSince(start))
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar, if one was drawn.
    func finish() {
        guard enabled, lastDraw != nil else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
