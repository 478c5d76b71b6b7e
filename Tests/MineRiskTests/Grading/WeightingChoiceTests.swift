import Foundation
import Testing
@testable import MineRisk

/// The weighting choice is kept typed: its label reads back as the same choice, and JSON keeps both.
@Suite struct WeightingChoiceTests {
    static let choices: [WeightingChoice] = [
        .ahp, .objective(.entropy, .minmax), .objective(.critic, .sum), .objective(.stddev, .minmax),
        .combined(.critic, .minmax, .linear(alpha: 0.6)), .combined(.entropy, .sum, .linear(alpha: 0.25)),
        .combined(.stddev, .minmax, .multiplicative),
    ]

    @Test func aLabelReadsBackAsItsChoice() {
        for choice in Self.choices { #expect(WeightingChoice(label: choice.label) == choice, "\(choice.label)") }
        #expect(WeightingChoice(label: "ahp+critic(minmax)") == nil)
        #expect(WeightingChoice(label: "promethee(minmax)") == nil)
    }

    @Test func jsonKeepsTheTypedChoice() throws {
        for choice in Self.choices {
            #expect(try JSONDecoder().decode(WeightingChoice.self, from: try JSONEncoder().encode(choice)) == choice)
        }
        let text = String(decoding: try encodeJSON(WeightingChoice.combined(.critic, .minmax, .linear(alpha: 0.6))), as: UTF8.self)
        #expect(text.contains("\"alpha\" : 0.6") && text.contains("\"combination\" : \"linear\"") && text.contains("\"method\" : \"combined\""))
    }

    /// A run saved before the choice was written typed has only its label; it is read back as the choice.
    @Test func optionsSavedBeforeAreReadFromTheirLabel() throws {
        let old = #"{"ahpMethod":"eigenvector","fuzzyOperator":"weighted-average M(·,⊕)","gradeRule":"score","riTable":"chinese","weighting":"ahp×critic(sum) multiplicative"}"#
        let options = try JSONDecoder().decode(RunOptions.self, from: Data(old.utf8))
        #expect(options.weightingChoice == .combined(.critic, .sum, .multiplicative))
        let again = try JSONDecoder().decode(RunOptions.self, from: try JSONEncoder().encode(options))
        #expect(again == options)
    }

    /// db diff compares the choices, not their text.
    @Test func differentChoicesAreAMethodDifference() {
        let options = { (choice: WeightingChoice) in
            RunOptions(riTable: .chinese, ahpMethod: .eigenvector, weightingChoice: choice, fuzzyOperator: "weighted-average M(·,⊕)", gradeRule: .score)
        }
        let run = { (choice: WeightingChoice) in
            GradeRunInfo(id: 1, round: "r", createdAt: "", engine: engineVersion, models: [], options: options(choice), seed: nil, byGrade: [:], incomplete: 0)
        }
        #expect(RoundDiff.differences(run(.ahp), run(.ahp)).isEmpty)
        #expect(RoundDiff.differences(run(.ahp), run(.objective(.critic, .minmax))) == ["weighting: ahp vs critic(minmax)"])
    }
}
