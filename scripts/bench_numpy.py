#!/usr/bin/env python3
"""The grading pipeline written with numpy and pandas, for the benchmark (scripts/bench.py).

Same files, same models, same rules as `minerisk grade` with its defaults: expert values combined by
expert weight (weighted mean; vote shares for level indicators), AHP eigenvector weights, piecewise-linear
memberships, B = R·w (M(·,⊕)) normalised, score B·v graded by the model's bands, vetoes (hazards.csv)
grade major, facilities missing an indicator are not graded.

Usage: bench_numpy.py DATA MODELS [--grades OUT.csv]   prints one JSON line of stage seconds.
"""
import glob
import json
import sys
import time

import numpy as np
import pandas as pd
import yaml

GRADES = ["low", "general", "significant", "major"]


def ahp_weights(matrix):
    a = np.array([[eval_judgement(x) for x in row] for row in matrix], dtype=float)
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    w = vectors[:, k].real
    return w / w.sum()


def eval_judgement(x):
    if isinstance(x, str) and "/" in x:
        n, d = x.split("/")
        return float(n) / float(d)
    return float(x)


def model_weights(model):
    criteria = ahp_weights(model["criteria"]["matrix"])
    weights = []
    for c, item in enumerate(model["criteria"]["items"]):
        weights.extend(criteria[c] * ahp_weights(item["matrix"]))
    return np.array(weights)


def memberships(x, indicator):
    """n values → n×4 memberships: trapezoids between the grades' peaks (np.interp holds the ends)."""
    sign = 1.0 if indicator["direction"] == "risk" else -1.0
    e = sign * np.array(indicator["edges"], dtype=float)
    peaks = [e[0] - (e[1] - e[0]) / 2, (e[0] + e[1]) / 2, (e[1] + e[2]) / 2, e[2] + (e[2] - e[1]) / 2]
    xs = sign * x
    return np.stack([np.interp(xs, peaks, np.eye(4)[k]) for k in range(4)], axis=1)


def grade_facilities(models, weights, fac, haz, values, shares):
    """Grade indices (0 low … 3 major, −1 not graded) of every facility from the aggregated values (facility ×
    indicator, NaN where no expert gave one) and level vote shares (facility × indicator × 4)."""
    grade = np.full(len(fac), -1)
    vetoed = np.zeros(len(fac), dtype=bool)
    vetoed[pd.Categorical(haz["facility_id"], categories=fac["id"]).codes] = True
    # A mine's idle time grades nothing (README, "grade"): only hazards.csv vetoes here.
    kinds = fac["kind"].to_numpy()
    offset = 0
    for kind, m in models.items():
        inds = [i for c in m["criteria"]["items"] for i in c["indicators"]]
        cols = slice(offset, offset + len(inds))
        offset += len(inds)
        rows = np.nonzero(kinds == kind)[0]
        v = values[rows, cols]
        complete = ~np.isnan(v).any(axis=1)
        rows, v = rows[complete], v[complete]
        r = np.empty((len(rows), 4, len(inds)))
        for j, ind in enumerate(inds):
            r[:, :, j] = shares[rows, cols.start + j] if ind["scale"] == "level" else memberships(v[:, j], ind)
        b = r @ weights[kind]
        b /= b.sum(axis=1, keepdims=True)
        score = b @ np.array(m["grading"]["gradeValues"], dtype=float)
        tops = [band["to"] for band in m["grading"]["bands"][:-1]]
        grade[rows] = np.searchsorted(tops, score, side="right")
    grade[vetoed] = 3  # major whatever the score, complete or not
    return grade


def cell_arrays(facilities, total, f, j, sum_w, sum_wx, votes):
    """values (facilities × indicators, NaN where no expert gave one) and level vote shares (× 4) from the
    per-cell sums of a group-by: f, j the cell, sum_w Σw, sum_wx Σw·x, votes (cells × 4) Σw per level 1–4."""
    values = np.full((facilities, total), np.nan)
    shares = np.zeros((facilities, total, 4))
    values[f, j] = sum_wx / sum_w
    shares[f, j] = votes / sum_w[:, None]
    return values, shares


def load_models(models_dir):
    models = {}
    for path in sorted(glob.glob(models_dir + "/*.yaml")):
        with open(path, encoding="utf-8") as f:
            m = yaml.safe_load(f)
        if (m.get("format") or {}).get("kind") != "indicator-model":
            continue  # warning-grades.yaml and any other file that is not an indicator model
        models[m["kind"]] = m
    return models


def indicator_list(models):
    """(kind, indicator) of every model in column order."""
    return [(kind, i) for kind, m in models.items() for c in m["criteria"]["items"] for i in c["indicators"]]


def write_grades(out, fac, grade):
    pd.DataFrame({"id": fac["id"], "grade": [GRADES[g] if g >= 0 else "" for g in grade]}).to_csv(out, index=False)


def main():
    data, models_dir = sys.argv[1], sys.argv[2]
    out = sys.argv[sys.argv.index("--grades") + 1] if "--grades" in sys.argv else None
    t = {}
    start = time.perf_counter()
    models = load_models(models_dir)
    t["models"] = time.perf_counter() - start

    mark = time.perf_counter()
    fac = pd.read_csv(data + "/facilities.csv", dtype=str, keep_default_na=False)
    exp = pd.read_csv(data + "/experts.csv", dtype={"id": str, "weight": float}, keep_default_na=False)
    ass = pd.read_csv(data + "/assessments.csv", dtype={"facility_id": "category", "expert_id": "category",
                                                        "indicator_id": "category", "value": np.float64})
    haz = pd.read_csv(data + "/hazards.csv", dtype=str, keep_default_na=False)
    t["read"] = time.perf_counter() - mark

    mark = time.perf_counter()
    indicators = indicator_list(models)
    ids = [i["id"] for _, i in indicators]
    total = len(ids)
    f_code = pd.Categorical(ass["facility_id"], categories=fac["id"]).codes.astype(np.int64)
    i_code = pd.Categorical(ass["indicator_id"], categories=ids).codes.astype(np.int64)
    e_code = pd.Categorical(ass["expert_id"], categories=exp["id"]).codes
    w = exp["weight"].to_numpy()[e_code]
    x = ass["value"].to_numpy()
    cells = f_code * total + i_code
    size = len(fac) * total
    sum_w = np.bincount(cells, weights=w, minlength=size)
    sum_wx = np.bincount(cells, weights=w * x, minlength=size)
    level = np.array([i["scale"] == "level" for _, i in indicators])
    is_level_row = level[i_code]
    votes = np.bincount(cells[is_level_row] * 4 + (x[is_level_row].astype(np.int64) - 1),
                        weights=w[is_level_row], minlength=size * 4)
    with np.errstate(invalid="ignore", divide="ignore"):
        values = (sum_wx / sum_w).reshape(len(fac), total)
        shares = (votes.reshape(size, 4) / sum_w[:, None]).reshape(len(fac), total, 4)
    t["aggregate"] = time.perf_counter() - mark

    mark = time.perf_counter()
    weights = {kind: model_weights(m) for kind, m in models.items()}
    t["weight"] = time.perf_counter() - mark

    mark = time.perf_counter()
    grade = grade_facilities(models, weights, fac, haz, values, shares)
    t["evaluate"] = time.perf_counter() - mark
    t["total"] = time.perf_counter() - start
    if out:
        write_grades(out, fac, grade)
    print(json.dumps(t))


if __name__ == "__main__":
    main()
