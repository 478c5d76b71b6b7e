#!/usr/bin/env python3
"""The grading pipeline written with polars, for the benchmark (scripts/bench_e2e.py).

The same pipeline as scripts/bench_numpy.py, with the reading, the joins and the group-by of the expert values
in one lazy polars query (multi-threaded CSV scan), then the same evaluation on the per-facility arrays.

Usage: bench_polars.py DATA MODELS [--grades OUT.csv]   prints one JSON line of stage seconds.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
import polars as pl

from bench_numpy import cell_arrays, grade_facilities, indicator_list, load_models, model_weights, write_grades


def pandas_frame(frame):
    """A text frame as pandas, empty fields as "" (without pyarrow)."""
    return pd.DataFrame({c: frame[c].fill_null("").to_list() for c in frame.columns})


def main():
    data, models_dir = sys.argv[1], sys.argv[2]
    out = sys.argv[sys.argv.index("--grades") + 1] if "--grades" in sys.argv else None
    t = {}
    start = time.perf_counter()
    models = load_models(models_dir)
    t["models"] = time.perf_counter() - start

    mark = time.perf_counter()
    indicators = indicator_list(models)
    fac = pl.read_csv(data + "/facilities.csv", infer_schema=False)
    haz = pl.read_csv(data + "/hazards.csv", infer_schema=False)
    experts = pl.scan_csv(data + "/experts.csv", schema_overrides={"id": pl.Utf8, "weight": pl.Float64})
    table = pl.LazyFrame({"indicator_id": [i["id"] for _, i in indicators], "j": range(len(indicators)),
                          "level": [i["scale"] == "level" for _, i in indicators]})
    ids = pl.LazyFrame({"facility_id": fac["id"], "f": range(len(fac))})
    w, x = pl.col("weight"), pl.col("value")
    cells = (pl.scan_csv(data + "/assessments.csv", schema={"facility_id": pl.Utf8, "expert_id": pl.Utf8,
                                                           "indicator_id": pl.Utf8, "value": pl.Float64})
             .join(experts.select(pl.col("id").alias("expert_id"), "weight"), on="expert_id")
             .join(table, on="indicator_id")
             .join(ids, on="facility_id")
             .group_by("f", "j")
             .agg(sum_w=w.sum(), sum_wx=(w * x).sum(),
                  **{f"vote{k}": (w * ((x == k) & pl.col("level"))).sum() for k in range(1, 5)})
             .collect())
    t["read+aggregate"] = time.perf_counter() - mark

    mark = time.perf_counter()
    votes = cells.select([f"vote{k}" for k in range(1, 5)]).to_numpy()
    values, shares = cell_arrays(len(fac), len(indicators), cells["f"].to_numpy(), cells["j"].to_numpy(),
                                 cells["sum_w"].to_numpy(), cells["sum_wx"].to_numpy(), votes)
    weights = {kind: model_weights(m) for kind, m in models.items()}
    facilities = pandas_frame(fac)
    grade = grade_facilities(models, weights, facilities, pandas_frame(haz), values, shares)
    t["evaluate"] = time.perf_counter() - mark
    t["total"] = time.perf_counter() - start
    if out:
        write_grades(out, facilities, grade)
    print(json.dumps(t))


if __name__ == "__main__":
    main()
