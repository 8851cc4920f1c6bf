#!/usr/bin/env python3
"""Compares what the load client got accepted (202) with what the national portal simulator received:
accepted, delivered, missing, duplicates, order violations per dossier, and extras (arrived but never accepted)."""
import json, re, sys, urllib.request

accepted_file, simulator = sys.argv[1], sys.argv[2]
accepted = {}
for line in open(accepted_file):
    c, step, event_id, _ = line.split()
    accepted.setdefault(c, []).append(int(step))
received = json.load(urllib.request.urlopen(simulator + "/__portal/received"))["received"]
arrived = {}
for r in received:
    c = r["MaHoSo"]
    if c not in accepted and not c.startswith("000.00.01.H22-250301-"):
        continue
    if r["service"] == "DongBoHoSoMC":
        step = 0
    else:
        m = re.search(r"(\d+)$", r["data"].get("NoiDungXuLy", ""))
        step = int(m.group(1)) if m else -1
    arrived.setdefault(c, []).append(step)

n_accepted = sum(len(v) for v in accepted.values())
delivered = duplicates = order = missing = extras = 0
for c, steps in accepted.items():
    got = arrived.get(c, [])
    seen = set()
    for s in got:
        if s in seen:
            duplicates += 1
        seen.add(s)
    delivered += len(set(steps) & seen)
    missing += len(set(steps) - seen)
    extras += len(seen - set(steps))
    order += sum(1 for x, y in zip(got, got[1:]) if y < x)
for c in arrived:
    if c not in accepted:
        extras += len(arrived[c])
print(json.dumps({"accepted": n_accepted, "delivered": delivered, "missing": missing, "duplicates": duplicates,
                  "orderViolations": order, "extras": extras}))
sys.exit(0 if missing == 0 and duplicates == 0 and order == 0 else 1)
