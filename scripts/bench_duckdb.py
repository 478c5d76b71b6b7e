#!/usr/bin/env python3
"""The grading pipeline written with DuckDB, for the benchmark (scripts/bench_e2e.py).

The same pipeline as scripts/bench_numpy.py, with the reading, the joins and the group-by of the expert values
in one SQL query over read_csv (DuckDB's parallel CSV reader, all cores), then the same evaluation on the
per-facility arrays.

Usage: bench_duckdb.py DATA MODELS [--grades OUT.csv]   prints one JSON line of stage seconds.
"""
import json
import sys
import time

import duckdb
import pandas as pd

from bench_numpy import cell_arrays, grade_facilities, indicator_list, load_models, model_weights, write_grades

QUERY = """
SELECT f.f, i.j, sum(e.weight) AS sum_w, sum(e.weight * a.value) AS sum_wx,
       {votes}
FROM read_csv(?, header = true, columns = {{'facility_id': 'VARCHAR', 'expert_id': 'VARCHAR',
                                           'indicator_id': 'VARCHAR', 'value': 'DOUBLE'}}) AS a
JOIN (SELECT id, CAST(weight AS DOUBLE) AS weight FROM read_csv(?, header = true, all_varchar = true)) AS e
     ON a.expert_id = e.id
JOIN indicators AS i ON a.indicator_id = i.indicator_id
JOIN facility_ids AS f ON a.facility_id = f.facility_id
GROUP BY f.f, i.j
"""


def main():
    data, models_dir = sys.argv[1], sys.argv[2]
    out = sys.argv[sys.argv.index("--grades") + 1] if "--grades" in sys.argv else None
    t = {}
    start = time.perf_counter()
    models = load_models(models_dir)
    t["models"] = time.perf_counter() - start

    mark = time.perf_counter()
    con = duckdb.connect()
    indicators = indicator_list(models)
    fac = con.execute("SELECT * FROM read_csv(?, header = true, all_varchar = true)",
                      [data + "/facilities.csv"]).df().fillna("")
    haz = con.execute("SELECT * FROM read_csv(?, header = true, all_varchar = true)", [data + "/hazards.csv"]).df()
    indicator_table = pd.DataFrame({"indicator_id": [i["id"] for _, i in indicators], "j": range(len(indicators)),
                                    "level": [i["scale"] == "level" for _, i in indicators]})
    facility_table = pd.DataFrame({"facility_id": fac["id"], "f": range(len(fac))})
    con.register("indicators", indicator_table)
    con.register("facility_ids", facility_table)
    votes = ", ".join(f"sum(CASE WHEN i.level AND a.value = {k} THEN e.weight ELSE 0 END) AS vote{k}" for k in range(1, 5))
    experts = data + "/experts.csv"
    cells = con.execute(QUERY.format(votes=votes), [data + "/assessments.csv", experts]).df()
    t["read+aggregate"] = time.perf_counter() - mark

    mark = time.perf_counter()
    values, shares = cell_arrays(len(fac), len(indicators), cells["f"].to_numpy(), cells["j"].to_numpy(),
                                 cells["sum_w"].to_numpy(), cells["sum_wx"].to_numpy(),
                                 cells[[f"vote{k}" for k in range(1, 5)]].to_numpy())
    weights = {kind: model_weights(m) for kind, m in models.items()}
    grade = grade_facilities(models, weights, fac, haz, values, shares)
    t["evaluate"] = time.perf_counter() - mark
    t["total"] = time.perf_counter() - start
    if out:
        write_grades(out, fac, grade)
    print(json.dumps(t))


if __name__ == "__main__":
    main()
