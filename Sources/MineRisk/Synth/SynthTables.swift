/// What the generators know about particular indicators of the bundled models. Every table is keyed by
/// indicator id and only refines the generic draws: with other models, ids not found are ignored.
enum SynthTables {
    /// The highest grade an indicator takes unless the plan forces it: beyond it a major accident hazard
    /// (a veto) or an unsafe pond state would follow, which the plan places deliberately.
    static let cap: [String: Int] = [
        "tp_slope_safety_ratio": 0,     // below the required factor: 病库 or worse (AQ 2006-2005 §8)
        "tp_flood_discharge": 1,        // blocked drains: 病库, seriously blocked 危库 and TP-09
        "tp_freeboard_ratio": 2,        // below design: TP-08
        "tp_dry_beach_ratio": 2,        // below design: TP-08
        "tp_phreatic_ratio": 2,         // shallower than the control depth: TP-07
        "ug_safety_exits": 2,           // fewer than two exits: UG-01
        "ug_goaf_management": 2,        // goafs untreated: UG-17
        "op_slope_angle_excess": 2,     // working slope steeper than design: OP-04
        "op_haul_road_grade_excess": 2, // haul road over 10 % steeper than design: OP-09
    ]

    /// Values taken from a record (a survey, a stability report, a certificate, the books), which every
    /// expert of a panel writes down alike.
    static func isRecord(_ id: String) -> Bool {
        recordIDs.contains(id) || id.hasSuffix("_standardization") || id.hasSuffix("_accident_free_years")
            || id.hasSuffix("_training_hours")
    }

    private static let recordIDs: Set<String> = [
        "tp_total_storage", "tp_dam_height", "tp_slope_safety_ratio", "tp_freeboard_ratio", "tp_dry_beach_ratio",
    ]

    /// Why an assessment stays incomplete: the groups of indicators a panel could not assess, each with its
    /// relative frequency. A facility missing a group has no expert value for any indicator in it.
    static let missingGroups: [FacilityKind: [(weight: Double, ids: [String])]] = [
        .tailingsPond: [
            (3, ["tp_slope_safety_ratio", "tp_dam_seismic_capacity"]),        // stability analysis not yet submitted
            (3, ["tp_phreatic_ratio", "tp_dam_deformation"]),                 // monitoring data not provided
            (2, ["tp_flood_discharge", "tp_freeboard_ratio", "tp_dry_beach_ratio"]), // no flood routing (调洪演算)
            (1.5, ["tp_residents_downstream", "tp_downstream_exposure"]),     // downstream survey not done
            (1, ["tp_training_hours", "tp_accident_free_years"]),             // records not provided
            (1, ["tp_emergency_preparedness"]),                               // emergency plan under revision
        ],
        .undergroundMine: [
            (4, ["ug_goaf_rqd", "ug_goaf_span", "ug_goaf_height", "ug_goaf_depth"]), // goaf survey not done
            (2, ["ug_effective_air_ratio"]),                                  // ventilation test pending
            (2, ["ug_groundwater", "ug_drainage"]),                           // hydrogeology report pending
            (1.5, ["ug_hoisting"]),                                           // hoist inspection certificate not shown
            (1, ["ug_rock_mass_structure"]),                                  // no geotechnical logging
            (1, ["ug_training_hours", "ug_accident_free_years"]),             // records not provided
        ],
        .openPitMine: [
            (3, ["op_rock_slope_quality", "op_adverse_structures"]),          // no slope stability evaluation
            (2, ["op_slope_height", "op_slope_angle_excess", "op_haul_road_grade_excess"]), // survey not updated
            (2, ["op_slope_monitoring"]),                                     // slope monitoring data not provided
            (1, ["op_dump_management"]),                                      // waste dump not inspected
            (1, ["op_training_hours", "op_accident_free_years"]),             // records not provided
        ],
        .coalMine: [
            (3, ["cm_relative_gas_emission", "cm_absolute_gas_emission", "cm_gas_outburst_class"]), // gas grading pending
            (2, ["cm_hydrogeology_type"]),                                    // hydrogeology type report pending
            (1, ["cm_spontaneous_combustion"]),                               // spontaneous-combustion test pending
        ],
    ]

    /// How the grades of a facility's indicators scatter around its own risk level (0 low … 3 major).
    static func indicatorLevel(facility level: Int, _ rng: inout SplitMix64) -> Int {
        let u = rng.nextUnit()
        switch level {
        case 0: return u < 0.8 ? 0 : 1
        case 1: return u < 0.2 ? 0 : u < 0.8 ? 1 : 2
        case 2: return u < 0.3 ? 1 : u < 0.85 ? 2 : 3
        default: return u < 0.12 ? 2 : 3
        }
    }

    /// Expert titles with the weight each carries on a panel, and how often each occurs.
    static let titles: [(title: String, weight: Double, share: Double)] = [
        ("教授级高级工程师", 1.5, 0.2),
        ("教授", 1.5, 0.1),
        ("高级工程师", 1.2, 0.35),
        ("副教授", 1.2, 0.1),
        ("注册安全工程师", 1.0, 0.1),
        ("安全生产监察员", 1.0, 0.15),
    ]

    /// Panel sizes 3…7 and their frequencies.
    static let panelSizes: [(size: Int, share: Double)] = [(3, 0.15), (4, 0.2), (5, 0.35), (6, 0.15), (7, 0.15)]
}
