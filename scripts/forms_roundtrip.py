#!/usr/bin/env python3
"""Round trip of the scoring forms with real spreadsheet programs.

1. `minerisk forms make --all --only-missing` on the bundled data;
2. every value cell filled by openpyxl and, when `soffice` is present (or with --libreoffice), separately by
   LibreOffice headless (scripts/forms_fill_libreoffice.py, run by the Python that has LibreOffice's `uno`),
   with the same values: a fixed plan drawn per (expert, facility, indicator) from the valid range printed on
   the form; every seventh value is typed as text, as a number stored as text;
3. `minerisk forms read` of each set into a new data folder;
4. `minerisk grade` of each folder against the same values appended straight to assessments.csv: the grades and
   scores must agree, and every facility must be graded.

Usage: scripts/forms_roundtrip.py [--minerisk PATH] [--data DIR] [--work DIR] [--libreoffice | --no-libreoffice]
Exits 1 on any difference.
"""
import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

import openpyxl


def header_columns(ws):
    """First word of each header cell → 1-based column."""
    columns = {}
    for cell in ws[1]:
        if isinstance(cell.value, str) and cell.value.strip():
            columns[cell.value.split()[0]] = cell.column
    return columns


def plan_values(forms_dir):
    """{file: {sheet: [(cell, value, as_text, facility, indicator)]}} for every empty value cell, and the expert of each file."""
    plan, experts = {}, {}
    for name in sorted(os.listdir(forms_dir)):
        if not name.endswith(".xlsx"):
            continue
        wb = openpyxl.load_workbook(os.path.join(forms_dir, name))
        expert = next(row[1] for row in wb.worksheets[0].iter_rows(values_only=True) if row and row[0] == "expert_id")
        experts[name] = expert
        sheets = {}
        for ws in wb.worksheets[1:]:
            c = header_columns(ws)
            cells = []
            for r in range(2, ws.max_row + 1):
                if ws.cell(r, c["value"]).value is not None:
                    continue
                facility, indicator = ws.cell(r, c["facility_id"]).value, ws.cell(r, c["indicator_id"]).value
                scale, valid = ws.cell(r, c["scale"]).value, ws.cell(r, c["valid"]).value
                rng = random.Random(f"{expert}|{facility}|{indicator}")
                if scale.startswith("level"):
                    value = rng.randint(1, 3)
                else:
                    low, high = (float(x) for x in valid.split("–"))
                    value = round(low + (high - low) * rng.uniform(0.1, 0.9), 1)
                    if value == int(value):
                        value = int(value)
                as_text = len(cells) % 7 == 3
                cells.append((ws.cell(r, c["value"]).coordinate, value, as_text, facility, indicator))
            sheets[ws.title] = cells
        plan[name] = sheets
    return plan, experts


def fill_openpyxl(forms_dir, out_dir, plan):
    os.makedirs(out_dir)
    for name, sheets in plan.items():
        wb = openpyxl.load_workbook(os.path.join(forms_dir, name))
        for title, cells in sheets.items():
            for ref, value, as_text, _, _ in cells:
                wb[title][ref] = str(value) if as_text else value
        wb.save(os.path.join(out_dir, name))


def direct_folder(data, out_dir, plan, experts):
    """The same values written straight into assessments.csv, in the order forms read reads them."""
    shutil.copytree(data, out_dir)
    with open(os.path.join(out_dir, "assessments.csv"), "a", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        for name, sheets in plan.items():
            for cells in sheets.values():
                for _, value, _, facility, indicator in cells:
                    w.writerow([facility, experts[name], indicator, value])


def run(args, **kw):
    result = subprocess.run(args, capture_output=True, text=True, **kw)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} exited {result.returncode}:\n{result.stderr}{result.stdout}")
    return result.stdout


def grades(minerisk, data):
    report = json.loads(run([minerisk, "grade", "--data", data, "--format", "json"]))
    return {f["id"]: (f["status"], f["grade"], f["score"]) for f in report["facilities"]}


def compare(label, got, expected):
    differ = [i for i in expected if got.get(i, (None,))[:2] != expected[i][:2]
              or (expected[i][2] is not None and abs((got[i][2] or 0) - expected[i][2]) > 1e-9)]
    graded = sum(1 for s, g, _ in got.values() if g is not None)
    print(f"{label}: {graded} of {len(got)} facilities graded; {len(expected) - len(differ)} of {len(expected)} the same as the direct CSV")
    for i in differ[:10]:
        print(f"  {i}: forms {got.get(i)}, direct {expected[i]}")
    return not differ and graded == len(got)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--minerisk", default=".build/debug/minerisk")
    p.add_argument("--data", default="seeds/liangshan-2017")
    p.add_argument("--work")
    lo = p.add_mutually_exclusive_group()
    lo.add_argument("--libreoffice", action="store_true", help="require LibreOffice")
    lo.add_argument("--no-libreoffice", action="store_true")
    a = p.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="minerisk-forms-")
    os.makedirs(work, exist_ok=True)
    forms = os.path.join(work, "forms")
    print(run([a.minerisk, "forms", "make", "--data", a.data, "--all", "--only-missing", "--output", forms]).splitlines()[-1])
    plan, experts = plan_values(forms)
    print(f"planned {sum(len(c) for s in plan.values() for c in s.values())} values in {len(plan)} workbooks")
    direct = os.path.join(work, "direct")
    direct_folder(a.data, direct, plan, experts)
    expected = grades(a.minerisk, direct)
    ok = True
    sets = [("openpyxl", os.path.join(work, "filled-openpyxl"))]
    fill_openpyxl(forms, sets[0][1], plan)
    use_lo = a.libreoffice or (not a.no_libreoffice and shutil.which("soffice"))
    if use_lo:
        plan_file = os.path.join(work, "plan.json")
        with open(plan_file, "w") as f:
            json.dump(plan, f)
        out = os.path.join(work, "filled-libreoffice")
        here = os.path.dirname(os.path.abspath(__file__))
        run(["/usr/bin/python3", os.path.join(here, "forms_fill_libreoffice.py"), forms, out, plan_file])
        sets.append(("LibreOffice", out))
    else:
        print("LibreOffice: soffice not found, skipped")
    for label, folder in sets:
        files = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".xlsx"))
        merged = os.path.join(work, f"merged-{label.lower()}")
        report = run([a.minerisk, "forms", "read", *files, "--data", a.data, "--output", merged])
        print(f"{label}: " + next(l for l in report.splitlines() if l.startswith("Added")))
        ok &= compare(label, grades(a.minerisk, merged), expected)
    # The full forms read back unfilled: every locked value equals the recorded one, nothing is added.
    full = os.path.join(work, "full")
    run([a.minerisk, "forms", "make", "--data", a.data, "--all", "--output", full])
    files = sorted(os.path.join(full, n) for n in os.listdir(full))
    report = run([a.minerisk, "forms", "read", *files, "--data", a.data, "--output", os.path.join(work, "merged-full")])
    line = next(l for l in report.splitlines() if l.startswith("Added"))
    with open(os.path.join(a.data, "assessments.csv")) as f:
        rows = sum(1 for _ in f) - 1
    print(f"full forms read back unfilled: {line}")
    ok &= line.split()[2] == "0" and line.split()[5] == str(rows)
    print("round trip OK" if ok else "round trip FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
