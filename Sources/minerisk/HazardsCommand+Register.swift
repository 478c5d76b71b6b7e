import Foundation
import MineRisk

/// With `db export`: hazards.csv rewritten from the register when it was changed in the store (the archived file
/// otherwise stays byte for byte), and the action log as hazard_actions.csv.
func exportRegister(_ roundStore: any RoundStore, round: String, folder: String) throws -> [ExportedFile] {
    guard let store = roundStore as? any HazardRegisterStore else { return [] }
    let actions = try store.hazardActions(round: round)
    guard !actions.isEmpty else { return [] }
    var written: [ExportedFile] = []
    func write(_ name: String, _ text: String) throws {
        let path = (folder as NSString).appendingPathComponent(name)
        let data = Data(text.utf8)
        try AtomicWriter.write(data, to: path)
        written.append(.written(name: name, path: path, bytes: data.count, sha256: sha256Hex([UInt8](data))))
    }
    if actions.contains(where: { $0.action != "import" }) {
        var register = CSVWriter()
        register.row(HazardFinding.columns)
        for row in try store.register(round: round) { register.row(row.finding.cells) }
        try write("hazards.csv", register.text)
    }
    var log = CSVWriter()
    log.row(HazardAction.columns)
    for action in actions { log.row(action.cells) }
    try write("hazard_actions.csv", log.text)
    return written
}

/// The register's summary on the grading day, for the grade report's HTML and workbook; nil without findings.
func hazardSummary(_ data: Dataset, report: GradeReport) -> (asOf: String, summary: HazardSummary)? {
    guard !data.hazards.isEmpty else { return nil }
    let asOf = report.provenance.asOf.date
    return (asOf, HazardRegister(dataset: data).summary(asOf: asOf))
}
