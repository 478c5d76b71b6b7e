/// The keys each mapping of a model file may have.
extension YAMLKeySchema {
    /// A bilingual name: `{zh: …, en: …}`.
    static let bilingual = YAMLKeySchema(["zh", "en"])

    /// An indicator model (`format: {kind: indicator-model, version: 1}`).
    static let model = YAMLKeySchema(
        ["format", "kind", "modelVersion", "name", "sources", "grading", "criteria", "vetoes", "vetoLists"],
        [
            "format": YAMLKeySchema(["kind", "version"]),
            "name": bilingual,
            "sources": YAMLKeySchema(["id", "cite"]),
            "grading": YAMLKeySchema(["gradeValues", "bands", "source"], ["bands": YAMLKeySchema(["grade", "from", "to"])]),
            "criteria": YAMLKeySchema(["matrix", "items"], [
                "items": YAMLKeySchema(["id", "name", "source", "matrix", "indicators"], [
                    "name": bilingual,
                    "indicators": YAMLKeySchema(["id", "name", "unit", "scale", "direction", "edges", "range", "source"], ["name": bilingual]),
                ]),
            ]),
            "vetoes": YAMLKeySchema(["code", "text", "source", "lists", "derivedFrom"],
                                     ["text": bilingual, "derivedFrom": YAMLKeySchema(["field", "values"])]),
            "vetoLists": YAMLKeySchema(["id", "cite", "from", "until"]),
        ])
}
