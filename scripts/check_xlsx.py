#!/usr/bin/env python3
"""Reads a grade workbook with openpyxl (a reader independent of the engine) and compares it with the CSV export.

Usage: check_xlsx.py [--libreoffice] GRADES.xlsx GRADES.csv

Checks, cell by cell on the grade sheet: the header, every text, every number stored as a number (within
half a unit of the CSV's last decimal) with the CSV's decimals as its number format, the grade cells filled
with the grade's colour and no other data cell filled; the frozen header, the autofilter over the table,
column widths; and on the summary sheet, the counts by county. With --libreoffice, LibreOffice (headless,
Debian's libreoffice-calc-nogui) also opens the workbook and saves the grade sheet as CSV "as shown": it must
equal the engine's CSV in every cell. Exits 1 with every mismatch listed.
"""
import csv
import os
import subprocess
import sys
import tempfile

import openpyxl

# RiskGrade.rgb (Sources/MineRisk/Grading/RiskGrade.swift), by the CSV's colour column.
FILLS = {"blue": "2F6FD0", "yellow": "F2D024", "orange": "F08A24", "red": "D7263D"}
GRADE_COLUMNS = ("风险等级 Grade", "Grade Grade (EN)", "颜色 Colour", "等级字母 Letter")


def main(xlsx_path, csv_path, libreoffice=False):
    problems = []
    with open(csv_path, "rb") as f:
        raw = f.read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{csv_path}: no UTF-8 byte-order mark")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(keepends=True)))
    book = openpyxl.load_workbook(xlsx_path)
    sheet = book.worksheets[0]
    header = rows[0]
    if sheet.max_row != len(rows) or sheet.max_column != len(header):
        problems.append(f"grade sheet is {sheet.max_row}×{sheet.max_column}, the CSV {len(rows)}×{len(header)}")
    colour_column = header.index("颜色 Colour")
    cells = 0
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            where = f"{cell.coordinate} ({header[c - 1]})"
            cells += 1
            if text == "":
                if cell.value not in (None, ""):
                    problems.append(f"{where}: expected an empty cell, found {cell.value!r}")
            elif r > 1 and is_number(text):
                if not isinstance(cell.value, (int, float)) or isinstance(cell.value, bool):
                    problems.append(f"{where}: {text} must be stored as a number, found {type(cell.value).__name__} {cell.value!r}")
                    continue
                decimals = len(text.split(".")[1]) if "." in text else 0
                if abs(cell.value - float(text)) > 0.5 * 10 ** -decimals + 1e-12:
                    problems.append(f"{where}: {cell.value} does not round to {text}")
                expected_format = "0" if decimals == 0 else "0." + "0" * decimals
                if cell.number_format != expected_format:
                    problems.append(f"{where}: number format {cell.number_format!r}, expected {expected_format!r}")
            elif cell.value != text:
                problems.append(f"{where}: expected {text!r}, found {cell.value!r}")
            if r == 1:
                if not cell.font.bold:
                    problems.append(f"{where}: header cell not bold")
                continue
            fill = fill_of(cell)
            colour = row[colour_column]
            if header[c - 1] in GRADE_COLUMNS and colour:
                if fill != FILLS[colour]:
                    problems.append(f"{where}: a {colour} grade must be filled {FILLS[colour]}, found {fill}")
            elif fill is not None:
                problems.append(f"{where}: only grade cells are filled, found {fill}")
    if sheet.freeze_panes is None or sheet.freeze_panes[-1] != "2":
        problems.append(f"grade sheet: the header row is not frozen (freeze_panes {sheet.freeze_panes})")
    last = f"{openpyxl.utils.get_column_letter(len(header))}{len(rows)}"
    if sheet.auto_filter.ref != f"A1:{last}":
        problems.append(f"grade sheet: autofilter {sheet.auto_filter.ref}, expected A1:{last}")
    widths = {c: sheet.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(1, len(header) + 1)}
    if any(w is None or w < 6 or w > 64 for w in widths.values()):
        problems.append(f"grade sheet: column widths outside 6…64: {widths}")
    if widths[2] <= widths[1]:
        problems.append(f"grade sheet: the Chinese name column ({widths[2]}) should be wider than the id column ({widths[1]})")
    problems += check_summary(book, rows)
    if libreoffice:
        problems += check_with_libreoffice(xlsx_path, rows)
    for p in problems[:50]:
        print(f"check_xlsx: {p}", file=sys.stderr)
    if len(problems) > 50:
        print(f"check_xlsx: … and {len(problems) - 50} more", file=sys.stderr)
    print(f"check_xlsx: {cells} cells compared with {csv_path}; {len(problems)} problems")
    return 1 if problems else 0


def check_summary(book, rows):
    """The summary sheet's county table agrees with the grade rows."""
    if len(book.worksheets) < 2:
        return ["no summary sheet"]
    summary = book.worksheets[1]
    header = rows[0]
    county_column, grade_column = header.index("县市 County"), header.index("Grade Grade (EN)")
    expected = {}
    for row in rows[1:]:
        counts = expected.setdefault(row[county_column], {"all": 0, "major": 0})
        counts["all"] += 1
        counts["major"] += row[grade_column] == "major"
    found, in_table = {}, False
    for values in summary.iter_rows(values_only=True):
        if values[0] == "县市 County":
            in_table = True
            continue
        if in_table:
            if values[0] is None:
                break
            found[values[0]] = {"all": values[1], "major": values[3]}
    if found != expected:
        return [f"summary sheet: counts by county {found} differ from the grade rows {expected}"]
    return []


def check_with_libreoffice(xlsx_path, rows):
    """LibreOffice's own reading of the grade sheet, saved as the cells are shown, equals the CSV."""
    with tempfile.TemporaryDirectory() as folder:
        # Filter options: comma, double quote, UTF-8, from row 1, …, quote text, detect numbers, save as shown.
        command = ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{folder}/profile",
                   "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", "--outdir", folder,
                   os.path.abspath(xlsx_path)]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=180)
        except (OSError, subprocess.SubprocessError) as error:
            return [f"LibreOffice could not convert the workbook: {error}"]
        converted = os.path.join(folder, os.path.splitext(os.path.basename(xlsx_path))[0] + ".csv")
        if not os.path.exists(converted):
            return ["LibreOffice wrote no CSV: it could not open the workbook"]
        with open(converted, encoding="utf-8") as f:
            shown = list(csv.reader(f))
    problems = []
    if len(shown) != len(rows):
        problems.append(f"LibreOffice shows {len(shown)} rows, the CSV has {len(rows)}")
    for r, (a, b) in enumerate(zip(rows, shown), start=1):
        if a != b:
            cells = [f"{openpyxl.utils.get_column_letter(c)}{r}: {x!r} vs {y!r}" for c, (x, y) in enumerate(zip(a, b), start=1) if x != y]
            problems.append(f"LibreOffice row {r} differs: " + ("; ".join(cells) or f"{len(b)} cells vs {len(a)}"))
    return problems


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def fill_of(cell):
    if cell.fill is None or cell.fill.fill_type != "solid":
        return None
    rgb = cell.fill.fgColor.rgb
    return rgb[-6:].upper() if isinstance(rgb, str) else None


if __name__ == "__main__":
    arguments = sys.argv[1:]
    use_libreoffice = "--libreoffice" in arguments
    arguments = [a for a in arguments if a != "--libreoffice"]
    if len(arguments) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    sys.exit(main(arguments[0], arguments[1], libreoffice=use_libreoffice))
