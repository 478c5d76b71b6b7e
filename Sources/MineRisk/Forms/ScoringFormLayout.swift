/// The names both the form writer and the form reader go by.
public enum ScoringFormLayout {
    /// The label of the instructions sheet's cell beside which the expert's id stands.
    public static let expertLabel = "expert_id"
    public static let facilityColumn = "facility_id"
    public static let indicatorColumn = "indicator_id"
    public static let valueColumn = "value"
    /// The headers of a facility kind's sheet, in order; the first word of each is the name the reader looks for.
    public static let headers = [
        "facility_id 设施编号", "facility 设施名称", "county 县市", "indicator_id 指标编号", "indicator 指标名称",
        "unit 单位", "scale 类型", "valid range 有效范围", "value 分值", "status 状态",
    ]
    public static let valueIndex = 8
    /// The file a form is written to.
    public static func fileName(expert: String) -> String { "scoring-form-\(expert).xlsx" }
}
