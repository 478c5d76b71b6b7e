#!/usr/bin/python3
"""Fills scoring forms with LibreOffice itself: opens each workbook in headless LibreOffice Calc through UNO,
types the planned values into the value cells (numbers, or text where the plan says so), and stores it as
.xlsx with LibreOffice's own Office Open XML filter ("Calc MS Excel 2007 XML").

Run by the Python that has LibreOffice's `uno` module (Debian: python3-uno, /usr/bin/python3):
    forms_fill_libreoffice.py FORMS_DIR OUT_DIR PLAN.json
PLAN.json: {file: {sheet: [[cell, value, as_text, facility, indicator], ...]}} (scripts/forms_roundtrip.py).
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(forms_dir, out_dir, plan_file):
    with open(plan_file) as f:
        plan = json.load(f)
    os.makedirs(out_dir, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="minerisk-lo-profile-")
    pipe = f"minerisk_forms_{os.getpid()}"
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                               f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        else:
            sys.exit("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        for name, sheets in plan.items():
            url = uno.systemPathToFileUrl(os.path.abspath(os.path.join(forms_dir, name)))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            for title, cells in sheets.items():
                sheet = doc.Sheets.getByName(title)
                for ref, value, as_text, _, _ in cells:
                    cell = sheet.getCellRangeByName(ref)
                    if as_text:
                        cell.setString(str(value))
                    else:
                        cell.setValue(float(value))
            target = uno.systemPathToFileUrl(os.path.abspath(os.path.join(out_dir, name)))
            doc.storeToURL(target, (prop("FilterName", "Calc MS Excel 2007 XML"), prop("Overwrite", True)))
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as LibreOffice quits
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main(*sys.argv[1:4])
