#!/usr/bin/env bash
# Renders the HTML report in headless Chromium, on screen and printed, and checks what a reader would see.
#
# Usage: scripts/screenshot_report.sh OUT_DIR [minerisk report options, e.g. --data DIR --models DIR]
#
# Writes OUT_DIR/report.html (by `minerisk report`), OUT_DIR/report.png (a 1200 px wide screenshot),
# OUT_DIR/report.pdf (printed) and, when the report has its early-warnings section, OUT_DIR/warnings.png (that
# section on its own), then checks: a CJK font is installed and embedded in the print, the PDF pages are A4,
# the screenshot is a real page: mostly white with ink on it, and showing each grade colour the report uses;
# and the warnings section draws its charts and threshold lines and shows each warning colour it uses. Needs chromium, fonts-noto-cjk (Debian) and Pillow (python3-pil or PyPI).
# MINERISK names the binary (default .build/debug/minerisk); CHROMIUM the browser (default chromium).
set -euo pipefail

out=${1:?usage: $0 OUT_DIR [minerisk report options]}
shift
minerisk=${MINERISK:-.build/debug/minerisk}
chromium=${CHROMIUM:-chromium}
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [ -z "$(fc-list :lang=zh family)" ]; then
    echo "screenshot_report: no font with Chinese glyphs is installed (apt-get install fonts-noto-cjk)" >&2
    exit 1
fi

"$minerisk" report --output "$out/report.html" "$@"

# A throwaway profile keeps the run from touching the user's; no network is needed or used.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
browser=("$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
         --user-data-dir="$profile" --disable-extensions --disable-background-networking)
"${browser[@]}" --window-size=1200,3000 --screenshot="$out/report.png" "file://$out/report.html" 2>/dev/null
"${browser[@]}" --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "file://$out/report.html" 2>/dev/null

# The early-warnings section (when the round has monitoring) lies far below the first screen: it is cut out with
# the report's styles into warnings.html and shot on its own.
rm -f "$out/warnings.html" "$out/warnings.png"
python3 - "$out" <<'PY'
import sys
out = sys.argv[1]
html = open(f"{out}/report.html", encoding="utf-8").read()
start = html.find('<section class="warnings"')
if start >= 0:
    end = html.index("</section>", start) + len("</section>")
    head = html[:html.index("<body>") + len("<body>")]
    open(f"{out}/warnings.html", "w", encoding="utf-8").write(head + html[start:end] + "</body></html>")
PY
if [ -f "$out/warnings.html" ]; then
    "${browser[@]}" --window-size=1200,2400 --screenshot="$out/warnings.png" "file://$out/warnings.html" 2>/dev/null
fi

python3 - "$out" <<'PY'
import os
import re
import sys

from PIL import Image

out = sys.argv[1]
problems = []

html = open(f"{out}/report.html", encoding="utf-8").read()
grades = sorted(set(re.findall(r'class="chip" style="background:#([0-9A-F]{6})', html)))
if not grades:
    problems.append("report.html: no graded facility in the table")

image = Image.open(f"{out}/report.png").convert("RGB")
width, height = image.size
if (width, height) != (1200, 3000):
    problems.append(f"report.png is {width}×{height}, expected 1200×3000")


def check_page(name, image, colours, what):
    """A real page: 3–60 % ink, and each colour (hex) covering at least 300 px. Returns the ink share and histogram."""
    # The colour histogram (count, colour) of the whole page, counted in C.
    histogram = image.getcolors(maxcolors=1 << 24)
    share = sum(n for n, p in histogram if min(p) < 200) / (image.size[0] * image.size[1])
    if not 0.03 < share < 0.6:
        problems.append(f"{name}: {share:.1%} of the page is ink (expected 3–60 %): blank or broken")
    for hex_colour in colours:
        target = tuple(int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
        near = sum(n for n, p in histogram if all(abs(a - b) <= 6 for a, b in zip(p, target)))
        if near < 300:
            problems.append(f"{name}: {what} colour #{hex_colour} covers {near} px (expected ≥ 300)")
    return share, histogram


ink, histogram = check_page("report.png", image, grades, "grade")
if len(histogram) < 50:
    problems.append(f"report.png: only {len(histogram)} colours: text and charts did not render")

# The warnings section: the ponds that reached orange or red are drawn, in the colours of their levels.
if os.path.exists(f"{out}/warnings.html"):
    section = open(f"{out}/warnings.html", encoding="utf-8").read()
    levels = sorted(set(re.findall(r'class="chip" style="background:#([0-9A-F]{6})', section)))
    charts = section.count("<svg ")
    if '<section class="warnings"' in section and "No pond reached orange or red" not in section:
        if charts == 0:
            problems.append("warnings.html: ponds reached orange or red but no chart is drawn")
        if "stroke-dasharray" not in section:
            problems.append("warnings.html: no threshold or rainstorm-signal line is drawn")
    ink_w, _ = check_page("warnings.png", Image.open(f"{out}/warnings.png").convert("RGB"), levels, "warning")
    print(f"screenshot_report: {out}/warnings.png, {charts} charts, ink {ink_w:.1%}, warning colours {len(levels)}")

pdf = open(f"{out}/report.pdf", "rb").read()
boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
if not boxes:
    problems.append("report.pdf: no page found")
for w, h in boxes:
    if abs(float(w) - 595.28) > 1.5 or abs(float(h) - 841.89) > 1.5:
        problems.append(f"report.pdf: a page is {float(w):.1f}×{float(h):.1f} pt, A4 is 595.3×841.9")
fonts = set(re.findall(rb"/FontName\s*/(?:[A-Z]{6}\+)?([\w-]+)", pdf))
if not any(b"CJK" in f or b"WenQuanYi" in f for f in fonts):
    problems.append(f"report.pdf: no CJK font embedded (fonts: {sorted(f.decode() for f in fonts)})")

for p in problems:
    print(f"screenshot_report: {p}", file=sys.stderr)
print(f"screenshot_report: {out}/report.png {width}×{height}, ink {ink:.1%}, grade colours {len(grades)}; "
      f"report.pdf {len(boxes)} A4 pages, fonts {', '.join(sorted(f.decode() for f in fonts))}")
sys.exit(1 if problems else 0)
PY
