/// One year of the prefecture's work-safety accident record, as one row of accidents.csv.
public struct AccidentYear: Sendable, Hashable, Codable {
    public var year: Int
    /// Production-safety accidents of the year.
    public var accidents: Int
    /// Deaths in them.
    public var deaths: Int

    public init(year: Int, accidents: Int, deaths: Int) {
        self.year = year
        self.accidents = accidents
        self.deaths = deaths
    }
}
