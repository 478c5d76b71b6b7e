#!/usr/bin/env python3
"""Reads a scenario workbook with openpyxl and compares it with the scenario's JSON.

Usage: check_scenario_xlsx.py SCENARIO.xlsx SCENARIO.json

Checks the four sheets (summary, by year, by county, mines): the totals, every year's and every county's
counts, each mine's status and capacity (万吨/年 = t/yr ÷ 10 000), numbers stored as numbers, frozen headers
and autofilters on the tables. Exits 1 with every mismatch listed.
"""
import json
import sys

import openpyxl


def main(xlsx_path, json_path):
    result = json.load(open(json_path, encoding="utf-8"))
    book = openpyxl.load_workbook(xlsx_path)
    problems = []

    def expect(what, found, wanted, tolerance=1e-9):
        if isinstance(wanted, (int, float)) and not isinstance(wanted, bool):
            if not isinstance(found, (int, float)) or abs(found - wanted) > tolerance:
                problems.append(f"{what}: expected the number {wanted}, found {found!r}")
        elif found != wanted:
            problems.append(f"{what}: expected {wanted!r}, found {found!r}")

    names = book.sheetnames
    expect("sheets", names, ["汇总 Summary", "分年度 By year", "分县市 By county", "煤矿 Mines"])
    if problems:
        return problems

    summary = {row[0].value: row[1].value for row in book["汇总 Summary"].iter_rows(min_row=3) if len(row) > 1 and row[0].value}
    expect("baseline mines", summary.get("基准煤矿 Baseline mines"), result["baselineMines"])
    expect("closed mines", summary.get("关闭煤矿 Closed mines"), result["closedMines"])
    expect("remaining mines", summary.get("保留煤矿 Remaining mines"), result["remainingMines"])
    expect("closure ratio", summary.get("关闭比例 Closure ratio"), result["closureRatio"])
    expect("remaining capacity", summary.get("保留产能 Remaining capacity 万吨/年"), result["remainingCapacityTpa"] / 10000)

    for sheet_name in names[1:]:
        sheet = book[sheet_name]
        if sheet.freeze_panes is None or not sheet.freeze_panes.startswith("A2") and not sheet.freeze_panes.endswith("2"):
            problems.append(f"{sheet_name}: header row not frozen ({sheet.freeze_panes})")
        if not sheet.auto_filter.ref:
            problems.append(f"{sheet_name}: no autofilter")

    years = list(book["分年度 By year"].iter_rows(min_row=2, values_only=True))
    expect("years", len(years), len(result["byYear"]))
    for row, year in zip(years, result["byYear"]):
        expect(f"year {year['year']}", row[0], year["year"])
        expect(f"year {year['year']} remaining", row[4], year["remainingMines"])

    counties = list(book["分县市 By county"].iter_rows(min_row=2, values_only=True))
    expect("counties", len(counties), len(result["byCounty"]))
    for row, county in zip(counties, result["byCounty"]):
        expect("county", row[0], county["county"])
        expect(f"{county['county']} remaining", row[3], county["remainingMines"])

    mines = list(book["煤矿 Mines"].iter_rows(min_row=2, values_only=True))
    expect("mines", len(mines), len(result["mines"]))
    for row, mine in zip(mines, result["mines"]):
        expect("mine id", row[0], mine["id"])
        expect(f"{mine['id']} status", row[3].split(" ")[-1], mine["status"])
        expect(f"{mine['id']} capacity", row[4], mine["capacityTpa"] / 10000)
    return problems


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    found = main(sys.argv[1], sys.argv[2])
    for problem in found:
        print(f"check_scenario_xlsx: {problem}", file=sys.stderr)
    if found:
        sys.exit(1)
    print(f"check_scenario_xlsx: {sys.argv[1]} matches {sys.argv[2]}")
