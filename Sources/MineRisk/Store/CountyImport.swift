/// The part of a round's data one county office imports (`db import --county`): the county's facilities with their
/// assessments, hazards and coal mines, and the experts who assessed them. The prefecture's own figures (the yearly
/// accidents) and the monitoring folder are the bureau's to import with the whole round.
public struct CountyImport: Sendable {
    public var county: String
    public var data: RoundData
    /// The names the county's files are archived under: `counties/COUNTY/…`.
    public static func archiveName(county: String, file: String) -> String { "counties/\(county)/\(file)" }

    /// The county's part of `data`; a county with no facility there is refused, naming the counties there are.
    public init(_ data: RoundData, county: String, source: String) throws {
        let facilities = data.dataset.facilities
        let mine = facilities.indices.filter { facilities[$0].county == county }
        guard !mine.isEmpty else {
            let counties = Set(facilities.map(\.county)).sorted()
            let guess = counties.min { editDistance($0, county) < editDistance($1, county) }
            throw MineRiskError.usage("--county \(county): no facility of \(source)/facilities.csv is in that county; its counties are \(counties.joined(separator: ", "))\(guess.map { " (nearest: \($0))" } ?? "")")
        }
        var newIndex = [Int32](repeating: -1, count: facilities.count)
        for (n, i) in mine.enumerated() { newIndex[i] = Int32(n) }
        let table = data.dataset.assessments
        var kept = AssessmentTable()
        var expertUsed = [Bool](repeating: false, count: data.dataset.experts.count)
        for i in 0..<table.count where newIndex[Int(table.facility[i])] >= 0 {
            kept.facility.append(newIndex[Int(table.facility[i])])
            kept.expert.append(table.expert[i])
            kept.indicator.append(table.indicator[i])
            kept.value.append(table.value[i])
            expertUsed[Int(table.expert[i])] = true
        }
        // Experts keep their indices (the table points at them), so all are passed on; the stores write those used.
        let ids = Set(mine.map { facilities[$0].id })
        var dataset = data.dataset
        dataset.facilities = mine.map { facilities[$0] }
        dataset.assessments = kept
        dataset.hazards = data.dataset.hazards.filter { ids.contains($0.facilityID) }
        var part = data
        part.dataset = dataset
        part.coalMines = data.coalMines.map { $0.filter { $0.county == county } }
        part.accidents = nil
        part.files = data.files.map { ArchivedFile(name: Self.archiveName(county: county, file: $0.name), content: $0.content) }
        self.county = county
        self.data = part
        self.expertsUsed = expertUsed
    }

    /// Which of the round's experts assessed one of the county's facilities.
    public var expertsUsed: [Bool]
}
