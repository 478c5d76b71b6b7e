import Foundation

/// Several scenarios run on one register, for `minerisk scenario compare`.
public struct ScenarioComparison: Sendable, Encodable {
    public var register: RegisterInfo
    public var scenarios: [ScenarioResult]

    public init(register: RegisterInfo, scenarios: [ScenarioResult]) {
        self.register = register
        self.scenarios = scenarios
    }
}
