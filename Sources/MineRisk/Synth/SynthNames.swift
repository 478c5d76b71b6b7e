/// A county-level division of Liangshan and what is mined there, for placing synthetic facilities.
public struct SynthCounty: Sendable {
    /// The official name in 2017 (会理 became a city only in 2021).
    public let name: String
    /// The short form used at the head of mine names (木里县, not 木里藏族自治县).
    public let prefix: String
    /// Relative number of metal and non-metal mines and tailings ponds.
    public let miningWeight: Double
    /// Ores of its underground mines.
    public let undergroundOres: [String]
    /// Products of its open pits.
    public let openPitProducts: [String]
    /// Whether it has concentrators and so tailings ponds.
    public let hasPonds: Bool
}

/// Name material for synthetic data: places, ores and people that sound right for the place and kind
/// without naming any real enterprise (names are built from generic toponym syllables, never copied).
public enum SynthNames {
    /// The 17 county-level divisions of Liangshan (DOMAIN §1), with a rough profile of their mining.
    public static let liangshanCounties: [SynthCounty] = [
        SynthCounty(name: "西昌市", prefix: "西昌市", miningWeight: 1.0, undergroundOres: ["铁矿", "铅锌矿"], openPitProducts: ["石灰岩矿", "建筑石料矿", "砂石矿"], hasPonds: true),
        SynthCounty(name: "木里藏族自治县", prefix: "木里县", miningWeight: 1.0, undergroundOres: ["金矿", "铜矿"], openPitProducts: ["建筑石料矿"], hasPonds: true),
        SynthCounty(name: "盐源县", prefix: "盐源县", miningWeight: 1.1, undergroundOres: ["铁矿", "铅锌矿"], openPitProducts: ["石灰岩矿", "建筑石料矿"], hasPonds: true),
        SynthCounty(name: "德昌县", prefix: "德昌县", miningWeight: 0.9, undergroundOres: ["铅锌矿", "铁矿", "稀土矿"], openPitProducts: ["建筑石料矿", "砂石矿"], hasPonds: true),
        SynthCounty(name: "会理县", prefix: "会理县", miningWeight: 3.0, undergroundOres: ["铜矿", "铅锌矿", "镍矿", "铁矿"], openPitProducts: ["铁矿", "石灰岩矿", "建筑石料矿"], hasPonds: true),
        SynthCounty(name: "会东县", prefix: "会东县", miningWeight: 2.6, undergroundOres: ["铅锌矿", "铜矿", "铁矿"], openPitProducts: ["石灰岩矿", "建筑石料矿"], hasPonds: true),
        SynthCounty(name: "宁南县", prefix: "宁南县", miningWeight: 1.4, undergroundOres: ["铅锌矿", "铜矿"], openPitProducts: ["建筑石料矿"], hasPonds: true),
        SynthCounty(name: "普格县", prefix: "普格县", miningWeight: 0.7, undergroundOres: ["铅锌矿", "铁矿"], openPitProducts: ["建筑石料矿"], hasPonds: false),
        SynthCounty(name: "布拖县", prefix: "布拖县", miningWeight: 0.4, undergroundOres: ["铅锌矿"], openPitProducts: ["建筑石料矿"], hasPonds: false),
        SynthCounty(name: "金阳县", prefix: "金阳县", miningWeight: 0.4, undergroundOres: ["铅锌矿"], openPitProducts: ["建筑石料矿", "砂石矿"], hasPonds: false),
        SynthCounty(name: "昭觉县", prefix: "昭觉县", miningWeight: 0.3, undergroundOres: ["铅锌矿"], openPitProducts: ["建筑石料矿", "砂石矿"], hasPonds: false),
        SynthCounty(name: "喜德县", prefix: "喜德县", miningWeight: 0.5, undergroundOres: ["铅锌矿"], openPitProducts: ["石灰岩矿", "建筑石料矿"], hasPonds: false),
        SynthCounty(name: "冕宁县", prefix: "冕宁县", miningWeight: 1.8, undergroundOres: ["铁矿", "铅锌矿", "稀土矿"], openPitProducts: ["稀土矿", "铁矿", "建筑石料矿"], hasPonds: true),
        SynthCounty(name: "越西县", prefix: "越西县", miningWeight: 0.5, undergroundOres: ["铅锌矿"], openPitProducts: ["石灰岩矿", "建筑石料矿"], hasPonds: false),
        SynthCounty(name: "甘洛县", prefix: "甘洛县", miningWeight: 1.8, undergroundOres: ["铅锌矿", "铁矿"], openPitProducts: ["建筑石料矿"], hasPonds: true),
        SynthCounty(name: "美姑县", prefix: "美姑县", miningWeight: 0.3, undergroundOres: ["铅锌矿"], openPitProducts: ["建筑石料矿"], hasPonds: false),
        SynthCounty(name: "雷波县", prefix: "雷波县", miningWeight: 1.2, undergroundOres: ["磷矿", "铅锌矿"], openPitProducts: ["石灰岩矿", "建筑石料矿"], hasPonds: true),
    ]

    /// Province-level divisions, the `county` column of the national benchmark sets.
    public static let provinces = [
        "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省",
        "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省",
        "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
        "北京市", "天津市", "上海市",
    ]

    /// Ores and products of the national sets, by kind.
    public static let nationalUndergroundOres = ["铁矿", "铜矿", "铅锌矿", "金矿", "钨矿", "锡矿", "钼矿", "磷矿", "萤石矿", "锰矿"]
    public static let nationalOpenPitProducts = ["石灰岩矿", "建筑石料矿", "砂石矿", "铁矿", "花岗岩矿", "石英岩矿", "黏土矿"]

    // Toponym syllables: Han-style (大箐, 黑石坪) and Yi-style transliterations (洛莫沟), both common in Liangshan.
    static let hanFirst = ["大", "小", "黑", "白", "青", "红", "新", "老", "上", "下", "石", "马", "干", "水", "松",
                           "岩", "高", "花", "龙", "鹰", "羊", "牛", "杉", "竹", "团", "半", "三", "五", "长", "金"]
    static let hanMiddle = ["石", "河", "林", "田", "家", "木", "草", "沙", "风", "树", "水", "岩"]
    static let hanLast = ["箐", "沟", "坪", "坝", "湾", "梁子", "山", "岩", "坡", "垭口", "塘", "槽", "营", "堡", "地", "包包"]
    static let yiSyllables = ["拉", "达", "洛", "觉", "莫", "尔", "瓦", "普", "则", "依", "阿", "吉", "古", "木", "乃",
                              "尼", "哈", "日", "甲", "布", "史", "曲", "约", "果"]
    static let yiLast = ["沟", "村", "坪", "山", "河", "洛"]

    /// Places of well-known real mines in and near Liangshan, never produced, so that no name points at one.
    static let realMinePlaces: Set<String> = ["大梁子", "天宝山", "拉拉", "牦牛坪", "力马河", "满银沟", "益门", "红格",
                                              "白马", "落凼", "大陆槽", "乌依", "小石房", "菜子园"]

    /// A village- or valley-like place name; `yi` allows Yi-style names (Liangshan, not the national sets).
    public static func place(_ rng: inout SplitMix64, yi: Bool = true) -> String {
        var name = drawPlace(&rng, yi: yi)
        while realMinePlaces.contains(name) { name = drawPlace(&rng, yi: yi) }
        return name
    }

    private static func drawPlace(_ rng: inout SplitMix64, yi: Bool) -> String {
        if yi && rng.chance(0.3) {
            let a = rng.pick(yiSyllables)
            var b = rng.pick(yiSyllables)
            while b == a { b = rng.pick(yiSyllables) }
            return a + b + rng.pick(yiLast)
        }
        let first = rng.pick(hanFirst), last = rng.pick(hanLast)
        guard rng.chance(0.45) else { return first + last }
        var middle = rng.pick(hanMiddle)
        while middle == first || last.hasPrefix(middle) { middle = rng.pick(hanMiddle) }
        return first + middle + last
    }

    // Experts: Han surnames and given names, and Yi clan names for some of the bureau's inspectors.
    static let hanSurnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "胡", "朱",
                              "郭", "何", "罗", "高", "林", "唐", "邓", "谢", "曾", "彭", "蒋", "廖", "钟", "冯", "苏"]
    static let hanGiven = ["明", "华", "伟", "强", "军", "平", "勇", "斌", "涛", "峰", "磊", "林", "宏", "志", "海",
                           "刚", "波", "敏", "静", "丽", "云", "红", "春", "文", "德", "成", "学", "兴", "英", "川"]
    static let yiClans = ["吉克", "阿苏", "沙马", "马海", "曲比", "阿约", "俄木", "海来", "吉木", "阿西"]
    static let yiGiven = ["拉则", "伍各", "日火", "石布", "尔古", "约哈", "木呷", "阿呷", "子哈", "友发"]

    /// A person's name; `yi` asks for a Yi clan name.
    public static func person(_ rng: inout SplitMix64, yi: Bool = false) -> String {
        if yi { return rng.pick(yiClans) + rng.pick(yiGiven) }
        let surname = rng.pick(hanSurnames)
        var given = rng.pick(hanGiven)
        while given == surname { given = rng.pick(hanGiven) }
        if rng.chance(0.7) {
            var second = rng.pick(hanGiven)
            while second == given || second == surname { second = rng.pick(hanGiven) }
            given += second
        }
        return surname + given
    }

    /// A facility's name from its county prefix, a place, and what it produces or holds.
    public static func facilityName(kind: FacilityKind, prefix: String, place: String, product: String) -> String {
        switch kind {
        case .undergroundMine, .openPitMine: return prefix + place + product
        case .tailingsPond: return prefix + place + "尾矿库"
        case .coalMine: return prefix + place + "煤矿"
        }
    }
}
