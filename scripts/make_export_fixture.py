#!/usr/bin/env python3
"""Writes the export tests' dataset, Tests/MineRiskTests/Fixtures/export-small, from the models in Models/.

Usage (from the repository root): python3 scripts/make_export_fixture.py  (needs PyYAML)

23 facilities in 11 Liangshan counties, 3 experts. Each facility has a target grade; every indicator value is
drawn (seeded, so the output is the same every run) inside the interval its model's edges give that grade,
now and then one grade off, and each expert may differ by one more. One underground mine misses every fourth
indicator (incomplete), one has stood idle 9 months, an open pit and a pond carry a veto, and one class-3
pond has no online monitoring. Run it again when the models' indicator ids or ranges change.
"""
import csv
import os
import random

import yaml

random.seed(20170915)
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
M = {}
for k in ["underground_mine", "open_pit_mine", "tailings_pond", "coal_mine"]:
    with open(os.path.join(root, "Models", f"{k}.yaml"), encoding="utf-8") as f:
        M[k] = yaml.safe_load(f)
def indicators(k):
    return [i for c in M[k]["criteria"]["items"] for i in c["indicators"]]

# Names are made up in the usual anonymised form (县 + 某 + mineral); the grades they get mean nothing.
# id, name, kind, county, standardized, status, idle, storage, height, monitoring, sf, req sf, freeboard, beach, flood, capacity, target grade
F = [
 ("UG-001","西昌市某铁矿","underground_mine","西昌市","yes","operating","","","","","","","","","","",1),
 ("UG-002","会理县某铜矿","underground_mine","会理","yes","operating","","","","","","","","","","",0),
 ("UG-003","会东县某铅锌矿","underground_mine","会东","yes","operating","","","","","","","","","","",2),
 ("UG-004","冕宁县某稀土矿","underground_mine","冕宁","yes","operating","","","","","","","","","","",1),
 ("UG-005","甘洛县某铅锌矿","underground_mine","甘洛","no","operating","","","","","","","","","","",3),
 ("UG-006","宁南县某铅锌矿","underground_mine","宁南","yes","idle","9","","","","","","","","","",1),
 ("UG-007","盐源县某铁矿","underground_mine","盐源","yes","operating","","","","","","","","","","",None),
 ("OP-001","西昌市某石灰石矿","open_pit_mine","西昌市","yes","operating","","","","","","","","","","",0),
 ("OP-002","德昌县某稀土矿","open_pit_mine","德昌","yes","operating","","","","","","","","","","",1),
 ("OP-003","会理县某建筑石料矿","open_pit_mine","会理","yes","operating","","","","","","","","","","",2),
 ("OP-004","木里县某砂石矿","open_pit_mine","木里","no","operating","","","","","","","","","","",1),
 ("OP-005","越西县某建材石料矿","open_pit_mine","越西","yes","operating","","","","","","","","","","",0),
 ("TP-001","会东县某铅锌矿尾矿库","tailings_pond","会东","yes","operating","","2600","72","yes","1.32","1.20","yes","yes","normal","",1),
 ("TP-002","会理县某铜矿尾矿库","tailings_pond","会理","yes","operating","","12000","110","yes","1.26","1.25","yes","yes","normal","",2),
 ("TP-003","西昌市某铁矿尾矿库","tailings_pond","西昌市","yes","operating","","850","45","yes","1.18","1.15","yes","yes","normal","",0),
 ("TP-004","冕宁县某稀土矿尾矿库","tailings_pond","冕宁","yes","operating","","1500","62","no","1.16","1.15","yes","no","partly_blocked","",1),
 ("TP-005","甘洛县某铅锌矿尾矿库","tailings_pond","甘洛","no","operating","","420","38","no","1.10","1.15","no","yes","normal","",2),
 ("TP-006","盐源县某铁矿尾矿库","tailings_pond","盐源","yes","operating","","60","18","no","1.20","1.15","yes","yes","normal","",0),
 ("TP-007","宁南县某铅锌矿尾矿库","tailings_pond","宁南","yes","operating","","1200","64","yes","1.22","1.20","yes","yes","normal","",3),
 ("CM-001","盐源县某煤矿","coal_mine","盐源","yes","operating","","","","","","","","","","150000",1),
 ("CM-002","甘洛县某煤矿","coal_mine","甘洛","no","operating","","","","","","","","","","90000",2),
 ("CM-003","越西县某煤矿","coal_mine","越西","yes","operating","","","","","","","","","","300000",0),
 ("CM-004","美姑县某煤矿","coal_mine","美姑","no","operating","","","","","","","","","","60000",3),
]
out = os.path.join(root, "Tests", "MineRiskTests", "Fixtures", "export-small")
os.makedirs(out, exist_ok=True)
with open(f"{out}/facilities.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow("id,name,kind,county,standardized,status,idle_months,storage_volume_10k_m3,dam_height_m,online_monitoring,slope_safety_factor,required_safety_factor,freeboard_ok,beach_length_ok,flood_discharge,capacity_tpa".split(","))
    for r in F: w.writerow(r[:16])
E = [("E01","张伟","高级工程师",1.0),("E02","李娜","注册安全工程师",1.0),("E03","王强","教授级高工",1.5)]
with open(f"{out}/experts.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["id","name","title","weight"])
    for e in E: w.writerow(e)

def interval(ind, g):
    """The values an indicator takes in grade g (0 low … 3 major), from its edges, inside its range."""
    lo, hi = ind["range"]
    e = ind["edges"]
    if ind["direction"] == "risk":
        cuts = [max(lo, e[0] - (e[1]-e[0])), e[0], e[1], e[2], min(hi, e[2] + (e[2]-e[1]))]
        return cuts[g], cuts[g+1]
    else:
        cuts = [min(hi, e[0] + (e[0]-e[1])), e[0], e[1], e[2], max(lo, e[2] - (e[1]-e[2]))]
        return cuts[g+1], cuts[g]
def value(ind, g):
    """One expert's value of an indicator for a facility of grade g, rounded as an expert would write it."""
    if ind["scale"] == "level":
        return str(g + 1)
    a, b = interval(ind, g)
    v = random.uniform(a + 0.1*(b-a), b - 0.1*(b-a))
    if ind["scale"] == "score": return str(round(v))
    if abs(b-a) < 1: return f"{v:.3f}"
    if abs(b-a) < 20: return f"{v:.1f}"
    return str(round(v))
rows = []
for r in F:
    fid, kind, target = r[0], r[2], r[16]
    inds = indicators(kind)
    incomplete = target is None
    base = 1 if incomplete else target
    for j, ind in enumerate(inds):
        if incomplete and j % 4 == 1: continue   # missing indicators
        g = max(0, min(3, base + random.choice([-1, 0, 0, 0, 1])))
        for e in E:
            ge = max(0, min(3, g + random.choice([0, 0, 0, 0, 1, -1])))
            rows.append((fid, e[0], ind["id"], value(ind, ge)))
with open(f"{out}/assessments.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["facility_id","expert_id","indicator_id","value"])
    for x in rows: w.writerow(x)
with open(f"{out}/hazards.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["facility_id","code","description","found_on"])
    w.writerow(["OP-003","OP-08","北帮边坡存在滑移现象, 裂缝宽 \"5 cm\"","2017-06-12"])
    w.writerow(["TP-005","TP-08","安全超高和干滩长度小于设计规定","2017-05-03"])
