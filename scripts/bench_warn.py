#!/usr/bin/env python3
"""Benchmark of `minerisk warn` (one JSON line on stdout).

Workloads:
  national  - `minerisk synth monitoring --national 8000`: 8,000 ponds x 8 points, one day at 10 minutes
              (about 9.2 M readings, plain CSV); timed against the same computation in polars, and the
              levels of every point, item and pond checked to be the same.
  liangshan - the bundled Liangshan 2017 flood season (readings.csv.gz, streamed).

Reported: readings per second, the read rate beside the machine's own rate of reading the same bytes
(`cat` for plain, `gzip -dc` for gzip), peak memory (max RSS), the same with the national day's points over two
days (twice the readings: memory must not grow), and the polars ratio (best of three runs each).
Needs polars and PyYAML (`pip install polars pyyaml`); run after `swift build -c release`.
"""
import json, math, os, resource, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build/release/minerisk")
LEVELS = ["none", "blue", "yellow", "orange", "red"]


def run_timed(args, cwd=ROOT):
    """Runs a command; returns (seconds, max RSS of the child in MiB)."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M"] + args, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(args)} failed: {proc.stderr}")
    rss_kib = int(proc.stderr.strip().splitlines()[-1])
    return seconds, rss_kib / 1024


def machine_rate(cmd, path):
    """Bytes per second of the machine reading the file (best of three)."""
    best = math.inf
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(f"{cmd} '{path}' > /dev/null", shell=True, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def pond_class(v, h):
    """AQ 2006-2005 Table 1 and GB 50863-2013 §3.3.1, as TailingsClassification.pondClass."""
    cv = 2 if v >= 10000 else 3 if v >= 1000 else 4 if v >= 100 else 5
    ch = 2 if h >= 100 else 3 if h >= 60 else 4 if h >= 30 else 5
    hi, lo = min(cv, ch), max(cv, ch)
    return hi if lo - hi <= 1 else hi + 1


def escalate(levels):
    """GB 39496-2020 §5.5.4 counting, as WarningAggregation.escalate."""
    counts = [0] * 5
    for level in levels:
        counts[level] += 1
    for level, group in ((1, 4), (2, 3), (3, 2)):
        counts[level + 1] += counts[level] // group
    for level in (4, 3, 2, 1):
        if counts[level]:
            return level
    return 0


def polars_levels(folder):
    """The warn computation in polars: defaults by class, rolling rain sums, tangent angle, persistence,
    health, and the aggregation. Returns {point: level}, {(pond, item): level}, {pond: level}."""
    import polars as pl
    import yaml
    mon = os.path.join(folder, "monitoring")
    fac = pl.read_csv(os.path.join(folder, "facilities.csv"), columns=["id", "storage_volume_10k_m3", "dam_height_m"])
    fac = fac.with_columns(pl.struct(["storage_volume_10k_m3", "dam_height_m"]).map_elements(
        lambda r: pond_class(r["storage_volume_10k_m3"], r["dam_height_m"]), return_dtype=pl.Int64).alias("cls")).select(["id", "cls"])
    points = pl.read_csv(os.path.join(mon, "points.csv"), columns=["point_id", "facility_id", "item", "interval_minutes"])
    with open(os.path.join(mon, "thresholds.yaml")) as f:
        doc = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    velocity = {(p["facility"], item): spec.get("velocity") for p in doc["ponds"] for item, spec in (p.get("items") or {}).items()}
    persistence = doc.get("persistence", 2)
    vel = pl.DataFrame({"facility_id": [k[0] for k in velocity], "item": [k[1] for k in velocity], "v": [float(x) for x in velocity.values()]})
    points = points.join(fac, left_on="facility_id", right_on="id").join(vel, on=["facility_id", "item"], how="left")
    # GB 50863-2013 minima by class (upstream) and the phreatic control depth, as ThresholdDefaults.
    fb = {1: 1.5, 2: 1.0, 3: 0.7, 4: 0.5, 5: 0.4}
    beach = {1: 150.0, 2: 100.0, 3: 70.0, 4: 50.0, 5: 40.0}
    cls = pl.col("cls")
    points = points.with_columns(
        pl.when(pl.col("item") == "freeboard").then(cls.replace_strict(fb, return_dtype=pl.Float64))
        .when(pl.col("item") == "beach_length").then(cls.replace_strict(beach, return_dtype=pl.Float64))
        .when(pl.col("item") == "phreatic_depth").then(pl.when(cls <= 3).then(6.0).otherwise(4.0))
        .otherwise(None).alias("red"))
    points = points.with_columns(pl.when(pl.col("item") == "phreatic_depth").then(1.1 * pl.col("red")).otherwise(None).alias("orange"))

    # One lazy query over the readings (multi-threaded CSV scan, joins, rolling windows), collected once.
    points = points.lazy()
    r = pl.scan_csv(os.path.join(mon, "readings.csv"), schema_overrides={"value": pl.Float64})
    r = r.with_columns(pl.col("time").str.to_datetime("%Y-%m-%dT%H:%M:%S%z").dt.epoch("s").alias("t")).drop("time")
    r = r.filter(pl.col("quality") != "bad").join(points, on="point_id").sort(["point_id", "t"])
    dt = pl.col("t").diff().over("point_id")
    r = r.with_columns((dt.fill_null(0) > 3 * 60 * pl.col("interval_minutes")).cast(pl.Int32).cum_sum().over("point_id").alias("seg"))
    r = r.with_columns((pl.col("t") * 1000).cast(pl.Datetime("ms")).alias("ts"))

    # Fixed thresholds (lower is worse for phreatic depth, beach and freeboard).
    fixed = r.filter(pl.col("item").is_in(["phreatic_depth", "beach_length", "freeboard"])).with_columns(
        pl.when(pl.col("value") <= pl.col("red")).then(4).when(pl.col("orange").is_not_null() & (pl.col("value") <= pl.col("orange"))).then(3)
        .otherwise(0).alias("raw"))
    # Rainstorm signals over 3/6/12 h (closed right: (t - w, t]).
    rain = r.filter(pl.col("item") == "rainfall").with_columns(
        [pl.col("value").rolling_sum_by("ts", window_size=f"{h}h").over(["point_id", "seg"]).alias(f"s{h}") for h in (3, 6, 12)])
    eps = 0.0
    rain = rain.with_columns(
        pl.when(pl.col("s3") >= 100 - eps).then(4).when(pl.col("s3") >= 50).then(3).when(pl.col("s6") >= 50).then(2)
        .when(pl.col("s12") >= 50).then(1).otherwise(0).alias("raw"))
    # Tangent angle: 2 h moving average (t - 2h, t], kept once the window is full; slope over [t - 6h, t].
    disp = r.filter(pl.col("item").is_in(["dam_displacement_h", "dam_displacement_v"]))
    disp = disp.with_columns(pl.col("value").rolling_mean_by("ts", window_size="2h").over(["point_id", "seg"]).alias("s"),
                             pl.col("t").min().over(["point_id", "seg"]).alias("t0"))
    valid = disp.filter(pl.col("t") - pl.col("t0") >= 7200 - 60 * pl.col("interval_minutes"))
    # The oldest smoothed value at or after t - 6 h: an as-of join forward on t - 6 h within the point's run.
    valid = valid.sort("t").with_columns((pl.col("t") - 6 * 3600).alias("t_from"))
    olds = valid.select(["point_id", "seg", pl.col("t").alias("t_old"), pl.col("s").alias("s_old")]).sort("t_old")
    valid = valid.join_asof(olds, left_on="t_from", right_on="t_old", by=["point_id", "seg"], strategy="forward")
    ddt = (pl.col("t") - pl.col("t_old")).cast(pl.Float64)
    alpha = pl.arctan2((pl.col("s") - pl.col("s_old")) / pl.col("v"), ddt / 86400) * 180 / math.pi
    valid = valid.with_columns(pl.when(ddt >= 6 * 1800).then(alpha).otherwise(None).alias("alpha"))
    valid = valid.with_columns(pl.when(pl.col("alpha").is_null()).then(0).when(pl.col("alpha") >= 85).then(4).when(pl.col("alpha") >= 80).then(3)
                               .when(pl.col("alpha") >= 50).then(2).when(pl.col("alpha") >= 45).then(1).otherwise(0).alias("raw"))
    disp = disp.join(valid.select(["point_id", "t", "raw"]), on=["point_id", "t"], how="left").with_columns(pl.col("raw").fill_null(0))

    cols = ["point_id", "facility_id", "item", "interval_minutes", "t", "value", "raw"]
    allr = pl.concat([fixed.select(cols), rain.select(cols), disp.select(cols)]).sort(["point_id", "t"])
    # A level holds after `persistence` consecutive readings reach it: the lowest of the last ones.
    allr = allr.with_columns(pl.col("raw").rolling_min(window_size=persistence).over("point_id").fill_null(0).alias("held"),
                             (pl.col("value") != pl.col("value").shift(1).over("point_id")).fill_null(True).alias("changed"),
                             pl.col("t").max().alias("as_of"))
    last = allr.group_by("point_id").agg(pl.col("facility_id").last(), pl.col("item").last(), pl.col("interval_minutes").last(),
                                         pl.col("t").last().alias("last_t"), pl.col("held").last(), pl.col("value").last(),
                                         pl.col("as_of").first(), pl.col("t").filter(pl.col("changed")).last().alias("same_since"))
    offline = (pl.col("as_of") - pl.col("last_t")) > 3 * 60 * pl.col("interval_minutes")
    stuck = ((pl.col("last_t") - pl.col("same_since")) >= 86400) & ~((pl.col("item") == "rainfall") & (pl.col("value") == 0))
    last = last.with_columns(pl.when(offline | stuck).then(0).otherwise(pl.col("held")).alias("level")).collect()
    point_level = dict(zip(last["point_id"].to_list(), last["level"].to_list()))
    item_groups = {}
    for pond, item, level in zip(last["facility_id"].to_list(), last["item"].to_list(), last["level"].to_list()):
        item_groups.setdefault((pond, item), []).append(level)
    item_level = {k: escalate(v) for k, v in item_groups.items()}
    pond_groups = {}
    for (pond, _), level in item_level.items():
        pond_groups.setdefault(pond, []).append(level)
    pond_level = {k: escalate(v) for k, v in pond_groups.items()}
    return point_level, item_level, pond_level


def swift_levels(csv_path):
    import csv
    point, item, pond = {}, {}, {}
    with open(csv_path, encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if not row["point"]:
                continue
            point[row["point"]] = LEVELS.index(row["point_level"])
            item[(row["pond"], row["item"])] = LEVELS.index(row["item_level"])
            pond[row["pond"]] = LEVELS.index(row["pond_level"])
    return point, item, pond


def main():
    out = {}
    work = tempfile.mkdtemp(prefix="bench-warn-")
    nat = os.path.join(work, "national")
    subprocess.run([BIN, "synth", "monitoring", "--national", "8000", "--plain", "--output", nat], cwd=ROOT, check=True, capture_output=True)
    readings = os.path.join(nat, "monitoring/readings.csv")
    size = os.path.getsize(readings)
    lines = sum(1 for _ in open(readings, "rb")) - 1
    csv_out = os.path.join(work, "levels.csv")
    runs = [run_timed([BIN, "warn", "--data", nat, "--format", "csv", "--output", csv_out]) for _ in range(3)]
    swift_s = min(s for s, _ in runs)
    rss = max(m for _, m in runs)
    import polars  # noqa: F401 — imported before the clock starts: the peer is timed on its work, not its import
    polars_runs = []
    for _ in range(3):
        start = time.perf_counter()
        p_point, p_item, p_pond = polars_levels(nat)
        polars_runs.append(time.perf_counter() - start)
    polars_s = min(polars_runs)
    s_point, s_item, s_pond = swift_levels(csv_out)
    mismatches = {
        "points": sum(1 for k, v in s_point.items() if p_point.get(k, 0) != v),
        "items": sum(1 for k, v in s_item.items() if p_item.get(k, 0) != v),
        "ponds": sum(1 for k, v in s_pond.items() if p_pond.get(k, 0) != v),
    }
    cat = machine_rate("cat", readings)
    by_level = {name: sum(1 for v in s_pond.values() if v == i) for i, name in enumerate(LEVELS)}
    out["national"] = {
        "readings": lines, "bytes": size, "seconds": round(swift_s, 3), "readingsPerSecond": round(lines / swift_s),
        "readMBps": round(size / swift_s / 1e6, 1), "machineReadMBps": round(size / cat / 1e6, 1), "peakMiB": round(rss, 1),
        "polarsSeconds": round(polars_s, 3), "ratioVsPolars": round(polars_s / swift_s, 2), "mismatches": mismatches,
        "pondsByLevel": by_level, "swiftRuns": [round(s, 3) for s, _ in runs], "polarsRuns": [round(s, 3) for s in polars_runs],
        "polarsThreads": polars.thread_pool_size(),
    }
    # Memory against readings: the same 64,000 points over two days (the day again, a day later) must peak no higher.
    two = os.path.join(work, "two-days")
    os.makedirs(os.path.join(two, "monitoring"))
    for name in ("facilities.csv", "monitoring/points.csv", "monitoring/thresholds.yaml"):
        subprocess.run(["cp", os.path.join(nat, name), os.path.join(two, name)], check=True)
    subprocess.run(f"(cat '{readings}'; tail -n +2 '{readings}' | sed 's/2017-07-21T/2017-07-22T/') > '{two}/monitoring/readings.csv'",
                   shell=True, check=True)
    two_runs = [run_timed([BIN, "warn", "--data", two, "--format", "csv", "--output", os.path.join(work, "two.csv")]) for _ in range(2)]
    out["national"]["twoDays"] = {"readings": 2 * lines, "seconds": round(min(s for s, _ in two_runs), 3),
                                  "peakMiB": round(max(m for _, m in two_runs), 1)}
    # The Liangshan flood season, gzip, streamed.
    gz = os.path.join(ROOT, "seeds/liangshan-2017/monitoring/readings.csv.gz")
    if os.path.exists(gz):
        ls_runs = [run_timed([BIN, "warn", "--format", "csv", "--output", os.path.join(work, "ls.csv")]) for _ in range(3)]
        ls_s = min(s for s, _ in ls_runs)
        raw = int(subprocess.run(f"gzip -dc '{gz}' | wc -c", shell=True, capture_output=True, text=True).stdout)
        ls_lines = int(subprocess.run(f"gzip -dc '{gz}' | wc -l", shell=True, capture_output=True, text=True).stdout) - 1
        out["liangshan"] = {
            "readings": ls_lines, "gzipBytes": os.path.getsize(gz), "bytes": raw, "seconds": round(ls_s, 3),
            "readingsPerSecond": round(ls_lines / ls_s), "readMBps": round(raw / ls_s / 1e6, 1),
            "machineGunzipMBps": round(raw / machine_rate("gzip -dc", gz) / 1e6, 1), "peakMiB": round(max(m for _, m in ls_runs), 1),
        }
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
