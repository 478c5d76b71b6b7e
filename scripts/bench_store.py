#!/usr/bin/env python3
"""Benchmark of the two stores (a benchmark, not a test): see README.md, "Performance".

A national round (`minerisk synth national --facilities N`) is imported with `minerisk db import`, in one
transaction, into a new SQLite file and into a new database on a PostgreSQL server, timed in turn and repeated
(medians reported); then the stored round is graded back from each (`minerisk grade --db --round`), and the two
grade tables are checked to be the same bytes as grading the folder. Prints the figures and one JSON line.

The server is a throwaway cluster on loopback started with scripts/pg_cluster (PostgreSQL 15 from Debian, default
settings, fsync on), unless --pg names one (its password in PGPASSWORD; its user may create databases).

Usage: scripts/bench_store.py [--facilities 40000] [--experts 7] [--repeats 3] [--work DIR] [--pg URL]
Build first: swift build -c release.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release", "minerisk")


def run(args, env=None, capture=False):
    started = time.perf_counter()
    result = subprocess.run(args, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                            stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"bench_store: {' '.join(args)} failed ({result.returncode}): {result.stderr.decode()[-2000:]}")
    return elapsed, (result.stdout if capture else b"")


def psql(url, sql):
    subprocess.run(["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql], check=True, stdout=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facilities", type=int, default=40000)
    parser.add_argument("--experts", type=int, default=7)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work")
    parser.add_argument("--pg")
    options = parser.parse_args()
    if not os.access(BIN, os.X_OK):
        sys.exit(f"bench_store: {BIN} is missing; build first: swift build -c release")
    work = options.work or tempfile.mkdtemp(prefix="minerisk-bench-store-")
    os.makedirs(work, exist_ok=True)
    os.chmod(work, 0o755)  # the server runs as the postgres user, who must reach its cluster folder inside
    data = os.path.join(work, f"national-{options.facilities}")
    if not os.path.exists(os.path.join(data, "assessments.csv")):
        run([BIN, "synth", "national", "--facilities", str(options.facilities), "--experts", str(options.experts), "--output", data])
    size = sum(os.path.getsize(os.path.join(data, f)) for f in os.listdir(data) if os.path.isfile(os.path.join(data, f)))

    cluster = None
    base = options.pg
    if base is None:
        cluster = os.path.join(work, "pg")
        base = subprocess.run([os.path.join(ROOT, "scripts", "pg_cluster"), "start", cluster, "25439"], check=True,
                              stdout=subprocess.PIPE).stdout.decode().strip()
        os.environ["PGPASSWORD"] = open(os.path.join(cluster, "password")).read().strip()
    try:
        version = subprocess.run(["psql", base, "-X", "-At", "-c", "SHOW server_version"], check=True, stdout=subprocess.PIPE).stdout.decode().strip()
        direct, grades = run([BIN, "grade", "--data", data, "--format", "csv"], capture=True)
        times = {"sqlite": [], "postgres": []}
        reads = {"sqlite": [], "postgres": []}
        for repeat in range(options.repeats):
            for backend in ("sqlite", "postgres"):
                if backend == "sqlite":
                    location = os.path.join(work, f"store-{repeat}.sqlite")
                    if os.path.exists(location):
                        os.remove(location)
                else:
                    name = f"bench_{uuid.uuid4().hex[:12]}"
                    psql(base, f"CREATE DATABASE {name}")
                    location = base.rsplit("/", 1)[0] + "/" + name
                elapsed, _ = run([BIN, "db", "import", "--data", data, "--round", "n", "--db", location])
                times[backend].append(elapsed)
                elapsed, stored = run([BIN, "grade", "--db", location, "--round", "n", "--format", "csv"], capture=True)
                reads[backend].append(elapsed)
                if stored != grades:
                    sys.exit(f"bench_store: grading the {backend} store gives other grades than grading the folder")
                if backend == "sqlite":
                    os.remove(location)
                    for suffix in ("-wal", "-shm"):
                        if os.path.exists(location + suffix):
                            os.remove(location + suffix)
                else:
                    psql(base, f"DROP DATABASE {name}")
                print(f"  run {repeat + 1}: {backend:8s} import {times[backend][-1]:7.2f} s, grade from store {reads[backend][-1]:6.2f} s", flush=True)
        figures = {
            "facilities": options.facilities, "experts": options.experts, "inputBytes": size, "postgres": version,
            "gradeFromFolderSeconds": round(direct, 3),
            "importSeconds": {b: round(statistics.median(t), 3) for b, t in times.items()},
            "gradeFromStoreSeconds": {b: round(statistics.median(t), 3) for b, t in reads.items()},
            "repeats": options.repeats,
        }
        imp, rd = figures["importSeconds"], figures["gradeFromStoreSeconds"]
        print(f"national round: {options.facilities} facilities × {options.experts} experts, {size / 2**20:.0f} MiB of CSV")
        print(f"db import, one transaction (median of {options.repeats}): SQLite {imp['sqlite']:.2f} s, PostgreSQL {version} {imp['postgres']:.2f} s"
              f" ({imp['postgres'] / imp['sqlite']:.2f}× SQLite's time)")
        print(f"grade --db --round (median): SQLite {rd['sqlite']:.2f} s, PostgreSQL {rd['postgres']:.2f} s; from the folder {direct:.2f} s;"
              " both stores give the folder's grade table byte for byte")
        print(json.dumps(figures, sort_keys=True))
    finally:
        if cluster:
            subprocess.run([os.path.join(ROOT, "scripts", "pg_cluster"), "remove", cluster], check=False)
        if not options.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
