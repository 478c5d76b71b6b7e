import Foundation

/// Fills in the hidden-danger register of a round (hazards.csv's register columns, DOMAIN §10): the planned major
/// dangers stay open, so they still grade their facilities major; general dangers found in the year's inspections
/// are added across the counties, some rectified and accepted, some still open after their deadline; the major
/// dangers of the round before whose facilities improved are on the books as rectified and closed.
struct LiangshanRegister {
    let entries: [SynthEntry]
    let seed: UInt64

    /// Share of the round's facilities with general findings, and the deadlines set for them (days).
    static let generalShare = 0.3
    static let generalDeadlines = [15, 30, 45, 60]
    /// Days given to rectify a major danger (a full or partial stop, DOMAIN §10).
    static let majorDeadline = 60

    /// General findings by list code (Lists/general.yaml): what an inspector wrote, and the measure set.
    static let general: [(code: String, finding: String, measure: String)] = [
        ("YB-01", "安全检查记录和隐患排查台账不完整", "补齐台账，明确专人管理"),
        ("YB-02", "部分特种作业人员未持证上岗", "组织培训取证，未持证人员调离岗位"),
        ("YB-03", "提升机、空压机维护保养记录缺失", "按规程检修并建立维保记录"),
        ("YB-04", "危险区域安全警示标志缺失", "设置警示标志和防护栏"),
        ("YB-05", "局部作业面粉尘浓度超标，洒水降尘设施未启用", "恢复洒水降尘设施并检测"),
        ("YB-06", "截洪沟局部淤堵", "清淤疏通并定期巡查"),
        ("YB-07", "配电箱接地不规范", "按规范重做接地并检测"),
        ("YB-08", "民用爆炸物品领退记录不全", "规范领退登记，专人核对"),
        ("YB-09", "监测设施数据异常未及时核查", "校准监测设备，建立异常处置记录"),
        ("YB-10", "应急预案未按期演练", "组织演练并修订预案"),
    ]
    static let inspectors = ["州安监局执法支队", "县安监局", "州县联合检查组"]
    static let acceptors = ["州安监局 验收组", "县安监局 验收组"]

    /// Adds the register fields of `round` on its day `assessedOn`; `earlier` is the round before, if any.
    func complete(_ round: inout SynthRound, assessedOn: String, earlier: SynthRound?) {
        let year = Int(assessedOn.prefix(4))!
        var serial = 0
        func nextID() -> String {
            serial += 1
            return "YH\(year)-\(String(format: "%03d", serial))"
        }
        for i in round.facilities.indices {
            let entry = entries[round.facilities[i].entry]
            var rng = SplitMix64(seed: seed, stream: 9_000 + UInt64(year), item: UInt64(round.facilities[i].entry))
            var rows: [SynthHazard] = []
            // Rectified major dangers of the round before, on a facility no longer vetoed.
            if let earlier, round.facilities[i].hazards.isEmpty, let before = earlier.position(of: round.facilities[i].entry) {
                for var h in earlier.facilities[before].hazards where h.level == .major {
                    h.id = nextID()
                    h.status = .closed
                    h.acceptedOn = Self.add(days: rng.integer(20, 50), to: h.deadline)
                    h.acceptedBy = rng.pick(Self.acceptors)
                    rows.append(h)
                }
            }
            for var h in round.facilities[i].hazards {
                h.id = nextID()
                h.level = .major
                h.inspection = "\(year)年专家会诊"
                h.foundBy = "州安监局专家组"
                h.deadline = Self.add(days: Self.majorDeadline, to: h.foundOn)
                h.responsible = "\(entry.name) 主要负责人"
                h.measures = "停产整改，按设计和规程治理：\(h.description)"
                h.funds = "\(rng.integer(20, 120))万元"
                h.plan = "重大隐患治理方案(\(h.foundOn))"
                h.status = rng.nextUnit() < 0.5 ? .rectifying : .open
                rows.append(h)
            }
            if rng.nextUnit() < Self.generalShare {
                for _ in 0..<rng.integer(1, 2) { rows.append(generalFinding(entry, year: year, asOf: assessedOn, id: nextID(), &rng)) }
            }
            round.facilities[i].hazards = rows
        }
    }

    /// A general danger found before `asOf`: closed when accepted by then, else open or rectifying (overdue or not).
    private func generalFinding(_ entry: SynthEntry, year: Int, asOf: String, id: String, _ rng: inout SplitMix64) -> SynthHazard {
        let kind = Self.general[rng.integer(0, Self.general.count - 1)]
        let found = Self.add(days: rng.integer(0, 140), to: "\(year)-01-05")
        var h = SynthHazard(code: kind.code, description: kind.finding, foundOn: found)
        h.id = id
        h.level = .general
        h.inspection = rng.pick(["\(year)年春节后复产复工检查", "\(year)年汛前检查", "\(year)年日常执法检查"])
        h.foundBy = rng.pick(Self.inspectors)
        h.deadline = Self.add(days: rng.pick(Self.generalDeadlines), to: found)
        h.responsible = "\(entry.name) 安全负责人"
        h.measures = kind.measure
        h.funds = "\(rng.integer(1, 9)).\(rng.integer(0, 9))万元"
        let accepted = Self.add(days: rng.integer(5, 70), to: found)
        if accepted <= asOf && rng.nextUnit() < 0.85 {
            h.status = .closed
            h.acceptedOn = accepted
            h.acceptedBy = rng.pick(Self.acceptors)
            // A few were accepted, found again on a later check, and closed a second time.
            if rng.nextUnit() < 0.08 { h.reopened = 1 }
        } else {
            h.status = rng.nextUnit() < 0.6 ? .rectifying : .open
        }
        return h
    }

    /// A YYYY-MM-DD day plus some days.
    static func add(days: Int, to date: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = date.split(separator: "-").compactMap { Int($0) }
        let start = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
        let end = calendar.date(byAdding: .day, value: days, to: start)!
        let c = calendar.dateComponents([.year, .month, .day], from: end)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
