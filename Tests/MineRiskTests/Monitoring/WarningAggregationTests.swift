import Testing
@testable import MineRisk

/// GB 39496-2020 §5.5.4: within one item 4 blue → yellow, 3 yellow → orange, 2 orange → red, otherwise the
/// worst point; across items 4 blue items count as one yellow item, and so on.
@Suite struct WarningAggregationTests {
    @Test func withinOneItem_gb39496_5_5_4() {
        #expect(WarningAggregation.itemLevel([]) == .none)
        #expect(WarningAggregation.itemLevel([.blue, .blue, .blue]) == .blue)
        #expect(WarningAggregation.itemLevel([.blue, .blue, .blue, .blue]) == .yellow)
        #expect(WarningAggregation.itemLevel([.yellow, .yellow]) == .yellow)
        #expect(WarningAggregation.itemLevel([.yellow, .yellow, .yellow]) == .orange)
        #expect(WarningAggregation.itemLevel([.orange]) == .orange)
        #expect(WarningAggregation.itemLevel([.orange, .orange]) == .red)
        #expect(WarningAggregation.itemLevel([.none, .blue, .red]) == .red)
        #expect(WarningAggregation.itemLevel([.none, .none, .none, .none]) == .none)
    }

    @Test func carriesUpTheScale() {
        // 4 blue make a yellow, which with 2 yellow makes 3 yellow: orange.
        #expect(WarningAggregation.itemLevel([.blue, .blue, .blue, .blue, .yellow, .yellow]) == .orange)
        // 8 blue: two yellow, not orange.
        #expect(WarningAggregation.itemLevel(Array(repeating: .blue, count: 8)) == .yellow)
        // 12 blue: three yellow, an orange.
        #expect(WarningAggregation.itemLevel(Array(repeating: .blue, count: 12)) == .orange)
    }

    @Test func acrossItems_gb39496_5_5_4() {
        #expect(WarningAggregation.pondLevel([.blue, .blue, .blue, .none]) == .blue)
        #expect(WarningAggregation.pondLevel([.blue, .blue, .blue, .blue]) == .yellow)
        #expect(WarningAggregation.pondLevel([.orange, .blue]) == .orange)
        #expect(WarningAggregation.pondLevel([.orange, .orange]) == .red)
    }
}
