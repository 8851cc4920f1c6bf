#!/usr/bin/env python3
"""Load client for dossier synchronisation: sends D dossiers x (1 create + K progress steps), each dossier's events
in order (one thread per dossier at a time, P in parallel). An event is resent with the same X-Event-Id until the hub
answers 202, as a real sender would while the hub restarts. --url may list several hubs (comma-separated): event k of
dossier i goes first to hub (i + k) mod n, so one dossier's events alternate between them, and a failed attempt moves
on to the next hub, as a load balancer in front of several instances does. Writes one line per accepted event:
  <dossier code> <step> <event id> <accepted-at epoch ms>
and prints the acceptance throughput."""
import argparse, json, sys, threading, time, urllib.request, urllib.error
from concurrent.futures import ThreadPoolExecutor

p = argparse.ArgumentParser()
p.add_argument("--url", default="http://127.0.0.1:18080")
p.add_argument("--key", default="demo-motcua-key")
p.add_argument("--dossiers", type=int, default=50)
p.add_argument("--steps", type=int, default=9)
p.add_argument("--parallel", type=int, default=8)
p.add_argument("--out", required=True)
p.add_argument("--run", default=str(int(time.time()) % 100000))
p.add_argument("--day", default="250301", help="yyMMdd part of the dossier codes")
p.add_argument("--give-up-seconds", type=float, default=180)
a = p.parse_args()

lock = threading.Lock()
out = open(a.out, "w")

def code(i):
    return "000.00.01.H22-%s-%05d" % (a.day, i)

def body(c, step):
    if step == 0:
        return "/api/v1/dossiers", {"MaHoSo": c, "MaTTHC": "H22-HT-KS", "ChuHoSo": "Nguyễn Văn An", "LoaiDoiTuong": "1",
            "KenhThucHien": "2", "NgayTiepNhan": "2025-03-01T08:00:00+07:00", "NgayHenTra": "2025-03-05T17:00:00+07:00",
            "TrangThaiHoSo": "DA_TIEP_NHAN"}
    return "/api/v1/dossiers/%s/progress" % c, {"NguoiXuLy": "Trần Thị Bích", "NoiDungXuLy": "Bước %d" % step,
        "ThoiDiemXuLy": "2025-03-02T%02d:%02d:00+07:00" % (8 + step // 60, step % 60), "TrangThai": "DANG_XU_LY"}

urls = [u.strip() for u in a.url.split(",") if u.strip()]

def send(c, step, event_id, first=0):
    path, payload = body(c, step)
    deadline = time.time() + a.give_up_seconds
    attempt = first
    while time.time() < deadline:
        url = urls[attempt % len(urls)]
        attempt += 1
        req = urllib.request.Request(url + path, data=json.dumps(payload).encode("utf-8"), method="POST",
            headers={"Content-Type": "application/json", "X-API-Key": a.key, "X-Event-Id": event_id})
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                if r.status == 202:
                    return True
        except urllib.error.HTTPError as e:
            if e.code < 500:
                print("rejected %s %s: %s" % (c, step, e.read()[:200]), file=sys.stderr)
                return False
        except Exception:
            pass
        time.sleep(0.2)
    return False

def dossier(i):
    c = code(i)
    for step in range(0, a.steps + 1):
        event_id = "crash-%s-%05d-%02d" % (a.run, i, step)
        if not send(c, step, event_id, i + step):
            return
        with lock:
            out.write("%s %d %s %d\n" % (c, step, event_id, int(time.time() * 1000)))
            out.flush()

start = time.time()
with ThreadPoolExecutor(max_workers=a.parallel) as pool:
    list(pool.map(dossier, range(1, a.dossiers + 1)))
elapsed = time.time() - start
out.close()
accepted = sum(1 for _ in open(a.out))
print("accepted %d events in %.2f s = %.1f events/s (parallel %d)" % (accepted, elapsed, accepted / elapsed, a.parallel))
