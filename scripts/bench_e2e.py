#!/usr/bin/env python3
"""End-to-end benchmark of `minerisk grade` against the same pipeline in polars, DuckDB and numpy/pandas
(a benchmark, not a test): see README.md, "Performance".

For each size (synthetic national rounds, `minerisk synth national --facilities N`), in one run:
  - the machine's scan rate of the same bytes: `cat` of the round's CSVs to /dev/null (page cache),
  - the engine's read stage (`minerisk grade --timings`, stage "read", of the CSV runs) as a rate and as a
    fraction of it,
  - whole processes, timed in turn and repeated (medians reported): `minerisk grade --output` in CSV, JSON
    and XLSX, and the peers scripts/bench_polars.py (lazy scan, joins, group-by), scripts/bench_duckdb.py
    (SQL over read_csv) and scripts/bench_numpy.py (pandas); each peer's grades are checked against the
    engine's,
  - the engine's peak memory (max RSS of its grade processes) against the input's size,
then time per facility from the smallest size to the largest. Last it prints one JSON line of every figure.

Before the timed runs of a size, the engine (CSV) and each peer but numpy run once untimed (--warmup 1), as `cat`
does for the page cache: on a virtual machine whose freed memory goes back to the host, the first process to
touch gigabytes after another program's large run pays for the host's page faults (the engine's first run of a
1,000,000-facility round, straight after the 400,000 round's peers, took 19.4 s; run again, 13–14.5 s).

Usage: scripts/bench_e2e.py [--sizes 40000,400000,1000000] [--repeats 5] [--large-repeats 3] [--huge-repeats 1] [--warmup 1] [--work DIR]
                            [--keep] [--formats csv,json,xlsx] [--peers polars,duckdb,numpy] [--experts 7]
Sizes above 100,000 facilities are "large": they run --large-repeats times, numpy and XLSX once each (the
1,000,000 round is about 5 GB and every run of it takes minutes); above 500,000 they run --huge-repeats times
and numpy is left out (it would need about 18 GB). Generated rounds go to --work (default a
temporary folder) and are deleted afterwards unless --keep; an existing round there is reused.
Build first: swift build -c release. Peers need numpy, pandas, pyyaml, polars and duckdb (pip install …).
"""
import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = ["facilities.csv", "experts.csv", "assessments.csv", "hazards.csv"]
LARGE = 100_000
# Above this, the numpy script is left out: at 1,000,000 facilities it would need more memory (about 18 GB,
# from its 40,000-facility peak) than a shared 24 GB machine can give.
HUGE = 500_000


def timed(command, stdout=subprocess.DEVNULL):
    """Runs a command; returns (seconds, peak RSS in MiB, stdout text or None, stderr text)."""
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out if stdout is None else stdout, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        errors.seek(0)
        err = errors.read().decode(errors="replace")
        out.seek(0)
        text = out.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"bench: {' '.join(command)} failed ({code}):\n{err}")
    return seconds, usage.ru_maxrss / 1024, text, err


def read_grades(path, engine=False):
    """id → grade (low … major, "" when not graded) of a peer's grades.csv or of the engine's grade table."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        if engine:  # the bilingual header of `minerisk grade --format csv`
            return {r["编号 ID"]: r["Grade Grade (EN)"] for r in csv.DictReader(f)}
        return {r["id"]: r["grade"] for r in csv.DictReader(f)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="40000,400000,1000000")
    parser.add_argument("--experts", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--large-repeats", type=int, default=3)
    parser.add_argument("--huge-repeats", type=int, default=1, help="runs above 500,000 facilities")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs of the engine (CSV) and the peers but numpy, per size")
    parser.add_argument("--formats", default="csv,json,xlsx")
    parser.add_argument("--peers", default="polars,duckdb,numpy")
    parser.add_argument("--models", default=os.path.join(ROOT, "Models"))
    parser.add_argument("--work", help="folder for the generated rounds and outputs (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the generated rounds")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "minerisk"))
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"bench: {args.binary} not found: run `swift build -c release` first")
    sizes = [int(s) for s in args.sizes.split(",")]
    formats = args.formats.split(",")
    if "csv" not in formats:
        sys.exit("bench: --formats must include csv (the CSV runs give the read stage and the targets)")
    peers = args.peers.split(",")
    work = args.work or tempfile.mkdtemp(prefix="minerisk-e2e-")
    os.makedirs(work, exist_ok=True)
    _, _, doctor, _ = timed([args.binary, "doctor", "--format", "json"], stdout=None)
    blas = json.loads(doctor)["blas"]
    print(f"BLAS core {blas['coreName']}, {blas['threads']} threads; {os.cpu_count()} processors; "
          f"load average before {os.getloadavg()[0]:.2f}")
    results = []
    for size in sizes:
        data = os.path.join(work, f"national-{size}")
        if not os.path.exists(os.path.join(data, "assessments.csv")):
            print(f"generating {size} facilities × {args.experts} experts into {data} …", file=sys.stderr)
            timed([args.binary, "synth", "national", "--models", args.models, "--facilities", str(size),
                   "--experts", str(args.experts), "--seed", str(args.seed), "--output", data])
        results.append(measure(args, data, size, formats, peers, work))
        if not args.keep and not args.work:
            shutil.rmtree(data)
    small, large = results[0], results[-1]
    growth = (large["engine"]["csv"] / large["facilities"]) / (small["engine"]["csv"] / small["facilities"]) - 1
    print(f"growth      time per facility of `grade --output grades.csv` {1e6 * small['engine']['csv'] / small['facilities']:.1f} µs "
          f"at {small['facilities']} → {1e6 * large['engine']['csv'] / large['facilities']:.1f} µs at {large['facilities']}: "
          f"{100 * growth:+.1f}% (target ≤ +15%)")
    print(json.dumps({"sizes": results, "perFacilityGrowth": round(growth, 3), "loadAfter": round(os.getloadavg()[0], 2)}))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


def measure(args, data, size, formats, peers, work):
    """Every figure of one size."""
    large = size > LARGE
    repeats = max(1, args.huge_repeats if size > HUGE else args.large_repeats if large else args.repeats)
    input_bytes = sum(os.path.getsize(os.path.join(data, f)) for f in FILES)
    input_mib = input_bytes / 2**20
    models = args.models
    outputs = {f: os.path.join(work, f"grades-{size}.{f}") for f in formats}
    peer_out = {p: os.path.join(work, f"{p}-grades-{size}.csv") for p in peers}
    runs = {f"engine-{f}": [] for f in formats} | {p: [] for p in peers} | {"scan": [], "read": []}
    rss = {k: 0.0 for k in runs}
    timed(["cat"] + [os.path.join(data, f) for f in FILES])  # into the page cache
    for _ in range(args.warmup):  # untimed: every program then starts from memory the machine has just used
        timed([args.binary, "grade", "--data", data, "--models", models, "--output", outputs.get("csv", os.path.join(work, "warmup.csv"))])
        for p in (p for p in peers if p != "numpy"):
            timed([sys.executable, os.path.join(ROOT, "scripts", f"bench_{p}.py"), data, models, "--grades", peer_out[p]])
    for r in range(repeats):
        seconds, _, _, _ = timed(["cat"] + [os.path.join(data, f) for f in FILES])
        runs["scan"].append(seconds)
        for f in formats:
            if f == "xlsx" and large and r > 0:
                continue
            # The CSV run also reports its stages (one JSON line on stderr): its read stage is the one reported.
            seconds, peak, _, err = timed([args.binary, "grade", "--data", data, "--models", models, "--output", outputs[f]]
                                          + (["--timings"] if f == "csv" else []))
            runs[f"engine-{f}"].append(seconds)
            rss[f"engine-{f}"] = max(rss[f"engine-{f}"], peak)
            if f == "csv":
                stages = json.loads(err.strip().splitlines()[-1])["stages"]
                runs["read"].append(stages["read"])
                for stage, value in stages.items():
                    runs.setdefault(f"stage-{stage}", []).append(value)
        for p in peers:
            if p == "numpy" and (size > HUGE or (large and r > 0)):
                continue
            seconds, peak, _, _ = timed([sys.executable, os.path.join(ROOT, "scripts", f"bench_{p}.py"), data, models,
                                         "--grades", peer_out[p]])
            runs[p].append(seconds)
            rss[p] = max(rss[p], peak)
    med = {k: statistics.median(v) for k, v in runs.items() if v}
    engine_grades = read_grades(outputs["csv"], engine=True) if "csv" in formats else None
    agree = {}
    if engine_grades is not None:
        for p in (p for p in peers if runs[p]):
            reference = read_grades(peer_out[p])
            agree[p] = sum(engine_grades[k] == reference.get(k) for k in engine_grades)
    scan_rate = input_mib / med["scan"]
    read_rate = input_mib / med["read"]
    # The memory target is for grading to CSV and JSON; XLSX's peak is reported beside it.
    engine_rss = max(rss[f"engine-{f}"] for f in formats if f != "xlsx")
    fastest_peer = min((p for p in peers if p != "numpy"), key=lambda p: med[p], default=None)
    print(f"\n{size} facilities, {input_mib:.0f} MiB of CSV; {repeats} runs in turn, medians (numpy, XLSX once when large)")
    print(f"scan        cat to /dev/null {med['scan']:.3f} s = {scan_rate:.0f} MiB/s")
    print(f"read        engine's read stage {med['read']:.3f} s = {read_rate:.0f} MiB/s = "
          f"{100 * read_rate / scan_rate:.0f}% of the scan rate (target ≥ 25%)")
    stages = {k[len("stage-"):]: v for k, v in med.items() if k.startswith("stage-")}
    print("stages      grade --output grades.csv, medians: " + ", ".join(f"{k} {v:.3f} s" for k, v in stages.items()))
    formats = [f for f in formats if f"engine-{f}" in med]
    peers = [p for p in peers if p in med]
    for f in formats:
        print(f"engine      grade --output grades.{f:<5} {med[f'engine-{f}']:7.3f} s  peak RSS {rss[f'engine-{f}']:.0f} MiB")
    for p in peers:
        ratios = ", ".join(f"{med[p] / med[f'engine-{f}']:.2f}× {f}" for f in formats)
        checked = f"; grades agree on {agree[p]} of {len(engine_grades)}" if p in agree else ""
        print(f"{p:<11} {med[p]:7.3f} s  peak RSS {rss[p]:.0f} MiB  = engine {ratios}{checked}")
    if fastest_peer:
        print(f"target      faster peer {fastest_peer} {med[fastest_peer]:.3f} s ÷ engine CSV {med['engine-csv']:.3f} s = "
              f"{med[fastest_peer] / med['engine-csv']:.2f}× (target ≥ 3×)")
    print(f"memory      engine peak RSS (CSV, JSON) {engine_rss:.0f} MiB = {engine_rss / input_mib:.2f}× the input (target < 2×)"
          + (f"; XLSX {rss['engine-xlsx']:.0f} MiB = {rss['engine-xlsx'] / input_mib:.2f}×" if "xlsx" in formats else ""))
    return {
        "facilities": size, "inputMiB": round(input_mib, 1), "repeats": repeats, "warmup": args.warmup,
        "scanSeconds": round(med["scan"], 3), "readSeconds": round(med["read"], 3),
        "readFractionOfScan": round(read_rate / scan_rate, 3),
        "csvStages": {k: round(v, 3) for k, v in stages.items()},
        "engine": {f: round(med[f"engine-{f}"], 3) for f in formats},
        "peers": {p: round(med[p], 3) for p in peers},
        "runs": {k: [round(x, 3) for x in v] for k, v in runs.items()},
        "agree": agree, "facilitiesCompared": len(engine_grades) if engine_grades else 0,
        "speedupOverFasterPeer": round(med[fastest_peer] / med["engine-csv"], 2) if fastest_peer else None,
        "engineRssMiB": round(engine_rss, 1), "rssOverInput": round(engine_rss / input_mib, 2),
        "engineRssByFormatMiB": {f: round(rss[f"engine-{f}"], 1) for f in formats},
        "peerRssMiB": {p: round(rss[p], 1) for p in peers},
    }


if __name__ == "__main__":
    main()
