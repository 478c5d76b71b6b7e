#!/usr/bin/env python3
"""Writes the filled scoring forms under Tests/MineRiskTests/Fixtures/forms/ that the Swift tests read, so that
they read real LibreOffice and openpyxl output without either program in CI.

The forms are made by `minerisk forms make` on Tests/MineRiskTests/Fixtures/mini and filled with the values
below: by LibreOffice headless (scripts/forms_fill_libreoffice.py) and by openpyxl.
Usage: scripts/make_forms_fixtures.py [--minerisk PATH]   (needs soffice and python3-uno)
"""
import argparse
import json
import os
import shutil
import subprocess
import tempfile

import openpyxl

OPEN_PIT = "露天矿山 open_pit_mine"
UNDERGROUND = "地下矿山 underground_mine"
# fixture name → (expert, full form?, {sheet: [[cell, value, typed as text?]]})
FIXTURES = {
    # op_slope_height 420 m as a number, op_rock_slope_quality vote 3 typed as text.
    "libreoffice-missing-E1.xlsx": ("E1", False, {OPEN_PIT: [["I2", 420, False], ["I3", 3, True]]}),
    "libreoffice-missing-E2.xlsx": ("E2", False, {OPEN_PIT: [["I2", 380.5, False], ["I3", 2, False]]}),
    # 2000 m is outside 0–1500; "abc" is not a number.
    "libreoffice-wrong-E1.xlsx": ("E1", False, {OPEN_PIT: [["I2", 2000, False], ["I3", "abc", True]]}),
    # The full form: the two open cells filled, and the recorded ug_goaf_rqd 55 (locked) changed to 60.
    "libreoffice-full-E1.xlsx": ("E1", True, {OPEN_PIT: [["I2", 420, False], ["I3", 3, False]], UNDERGROUND: [["I2", 60, False]]}),
}
OPENPYXL = {"openpyxl-missing-E1.xlsx": ("E1", False, {OPEN_PIT: [["I2", 420, False], ["I3", 3, True]]})}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--minerisk", default=".build/debug/minerisk")
    a = p.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, "..", "Tests", "MineRiskTests", "Fixtures", "forms")
    os.makedirs(target, exist_ok=True)
    work = tempfile.mkdtemp(prefix="minerisk-form-fixtures-")
    mini = os.path.join(here, "..", "Tests", "MineRiskTests", "Fixtures", "mini")
    for full in (False, True):
        args = [a.minerisk, "forms", "make", "--data", mini, "--all", "--output", os.path.join(work, "full" if full else "missing")]
        subprocess.run(args + ([] if full else ["--only-missing"]), check=True, stdout=subprocess.DEVNULL)
    for name, (expert, full, cells) in FIXTURES.items():
        forms = os.path.join(work, "full" if full else "missing")
        form = f"scoring-form-{expert}.xlsx"
        plan = os.path.join(work, name + ".json")
        with open(plan, "w") as f:
            json.dump({form: {sheet: [c + ["", ""] for c in rows] for sheet, rows in cells.items()}}, f)
        out = os.path.join(work, name)
        subprocess.run(["/usr/bin/python3", os.path.join(here, "forms_fill_libreoffice.py"), forms, out, plan], check=True)
        shutil.copy(os.path.join(out, form), os.path.join(target, name))
    for name, (expert, full, cells) in OPENPYXL.items():
        wb = openpyxl.load_workbook(os.path.join(work, "full" if full else "missing", f"scoring-form-{expert}.xlsx"))
        for sheet, rows in cells.items():
            for ref, value, as_text in rows:
                wb[sheet][ref] = str(value) if as_text else value
        wb.save(os.path.join(target, name))
    shutil.rmtree(work)
    for name in sorted(os.listdir(target)):
        print(name, os.path.getsize(os.path.join(target, name)))


if __name__ == "__main__":
    main()
