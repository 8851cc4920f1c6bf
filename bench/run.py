#!/usr/bin/env python3
"""The hub against its baselines in one run (started by bench/run.sh, which installs wrk, nginx, the Artemis
distribution and the jar first). Every scenario starts its system under test and its baseline in this run, on the
same backend; every figure is reported as a ratio to that baseline, next to the absolute values and the machine state.

Scenarios (docs/performance.md):
  P1  citizen lookup throughput, hub vs nginx proxying to the same WireMock backend (0 ms backend delay; 1 and 16 conns)
  P2  added latency p50/p99 with a 30 ms backend (1 and 16 connections)
  P3  pre-fill over three sources of 200 ms vs the slowest source alone
  P4  durable dossier ingest (202 = stored) vs `artemis perf client` on a broker with the same journal, 1/4/16 clients
  P5  message log (audit) on vs off (hub.bench.audit-off, a benchmark-only setting)
  P6  a 10 KB and a 100 KiB mapping (land parcels) vs nginx passthrough, 500 users, 512 MB heap, 0 % errors
  P7  start to readiness and resident memory idle / after load; the jar vs the extracted jar with a CDS archive,
      and on a JDK of 25 or later (when there is one) the jar vs the extracted jar with an AOT cache
  P8  delivery drain of a backlog to the portal simulator answering in 1 ms and 100 ms vs consumers / latency
  G1  message-log query time at 10^6 records vs 10^4 (PostgreSQL)
  G2  durable ingest against the events in flight (successive windows on one hub, delivery paused)
  G3  lookup latency against the answer's size (land parcels of 1, 10 and 100 KiB) vs nginx passthrough, 1 connection
P1 and P4 run on H2 and, when the machine's PostgreSQL answers, on PostgreSQL too.
Pinning (taskset, when there are at least 2 CPUs): the system under test (hub, nginx, the baseline broker) on CPU 0,
the load generators and the backends on the others.
"""
import argparse, atexit, datetime, json, os, platform, re, shutil, signal, socket, subprocess, sys, time
import urllib.request, urllib.error

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.environ.get("BENCH_JAR") or ""
ARTEMIS = os.environ.get("BENCH_ARTEMIS_HOME") or ""
TICK = os.sysconf("SC_CLK_TCK")

p = argparse.ArgumentParser(description="hub benchmarks against their baselines")
p.add_argument("scenarios", nargs="*", help="P1 … P8, G1, G2, G3 (default: all)")
p.add_argument("--quick", action="store_true", help="short runs: checks the harness, figures not worth quoting")
p.add_argument("--long", action="store_true", help="longer runs")
p.add_argument("--no-pin", action="store_true", help="no taskset pinning")
p.add_argument("--no-pg", action="store_true", help="skip the PostgreSQL runs")
p.add_argument("--keep", action="store_true", help="keep the run directory")
p.add_argument("--java", default="java", help="the java command that runs the hubs (default: java on the PATH)")
p.add_argument("--profile", action="store_true",
               help="record a JFR profile (settings=profile) of every measured hub run, of the hub's start and of each "
                    "drain; the figures then carry the profiler's cost: for locating costs, not for the table")
a = p.parse_args()
SCEN = [s.upper() for s in a.scenarios] or ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "G1", "G2", "G3"]
for s in SCEN:
    if s not in {"P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "G1", "G2", "G3"}:
        sys.exit("unknown scenario %s (P1 … P8, G1, G2, G3)" % s)
HUB_JAVA = a.java
MODE = "quick" if a.quick else "long" if a.long else "normal"
# measured seconds per wrk run, hub warm-up seconds, events per drain, artemis perf seconds
D, WARM, DRAIN_EVENTS = {"quick": (5, 10, 300), "normal": (20, 60, 3000), "long": (60, 180, 10000)}[MODE]
SHORT_WARM = 2 if MODE == "quick" else 5

NCPU = os.cpu_count() or 1
PIN = not a.no_pin and NCPU >= 2 and shutil.which("taskset")
SUT_CPUS = "0" if PIN else None
LOAD_CPUS = ("1-%d" % (NCPU - 1) if NCPU > 2 else "1") if PIN else None
LOAD_N = (NCPU - 1) if PIN else NCPU
STAMP = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H%M%SZ")
RUN = os.path.join(ROOT, "target", "bench-run-" + STAMP)
os.makedirs(RUN, exist_ok=True)
RESULTS = {"started": STAMP, "mode": MODE, "scenarios": SCEN, "rows": [], "details": {}, "profiled": bool(a.profile)}
PROFILES = []  # (label, summary) of every profiled run, in order
PROCS = []


def log(*x):
    print(time.strftime("%H:%M:%S"), *x, flush=True)


def jcmd():
    """The jcmd of the JDK that runs the hubs (a JDK's jcmd attaches to its own release)."""
    beside = os.path.join(os.path.dirname(shutil.which(HUB_JAVA) or HUB_JAVA), "jcmd")
    return beside if os.path.exists(beside) else "jcmd"


def jfr_start(proc, name="bench"):
    if a.profile:
        subprocess.run([jcmd(), str(proc.pid), "JFR.start", "name=" + name, "settings=profile"], capture_output=True)


def jfr_stop(proc, label, name="bench"):
    """Stops the recording, summarises it with bench/JfrSummary.java (shares of the execution samples) and keeps the
    .jfr in the run directory."""
    if not a.profile:
        return None
    f = os.path.join(RUN, "%02d-%s.jfr" % (len(PROFILES) + 1, re.sub(r"[^A-Za-z0-9]+", "-", label).strip("-")))
    subprocess.run([jcmd(), str(proc.pid), "JFR.stop", "name=" + name, "filename=" + f], capture_output=True)
    # the JDK that recorded reads its own recording
    out = subprocess.run(pin([HUB_JAVA, os.path.join(ROOT, "bench", "JfrSummary.java"), f, "12"], LOAD_CPUS),
                         capture_output=True, text=True)
    try:
        summary = json.loads(out.stdout)
    except ValueError:
        log("  profile of %s not read: %s" % (label, out.stderr.strip()[-300:]))
        return None
    summary["file"] = os.path.relpath(f, ROOT)
    PROFILES.append((label, summary))
    log("  profile %s: %d samples; self %s" % (label, summary["samples"], ", ".join(
        "%s %.0f%%" % (k, v) for k, v in summary["self"][:6])))
    return summary


def machine():
    la = open("/proc/loadavg").read().split()[:3]
    java = subprocess.run([HUB_JAVA, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return {"cpus": NCPU, "loadavg": la, "java": java, "kernel": platform.release(), "pinned": bool(PIN),
            "sut_cpus": SUT_CPUS, "load_cpus": LOAD_CPUS,
            "mem_total_mb": int(open("/proc/meminfo").readline().split()[1]) // 1024}


def pin(cmd, cpus):
    return (["taskset", "-c", cpus] + cmd) if cpus else cmd


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Proc:
    def __init__(self, name, cmd, env=None, cpus=None, cwd=None):
        self.name = name
        self.logfile = os.path.join(RUN, name + ".log")
        e = os.environ.copy()
        e.update(env or {})
        self.t0 = time.time()
        self.p = subprocess.Popen(pin(cmd, cpus), env=e, cwd=cwd or RUN, stdout=open(self.logfile, "ab"),
                                  stderr=subprocess.STDOUT, start_new_session=True)
        PROCS.append(self)

    @property
    def pid(self):
        return self.p.pid

    def alive(self):
        return self.p.poll() is None

    def stop(self, timeout=40):
        if self.alive():
            self.p.send_signal(signal.SIGTERM)
            try:
                self.p.wait(timeout)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
        if self in PROCS:
            PROCS.remove(self)

    def cpu_seconds(self):
        f = open("/proc/%d/stat" % self.pid).read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / TICK  # utime + stime

    def cpu_groups(self):
        """CPU seconds so far of the JIT compiler threads, of the garbage collector (the VM thread included) and of
        the message log's writer; the rest of the process is the request work. Threads ended between two readings drop
        out of all. (The embedded database's compaction runs on one of Camel's threads, whose names /proc cuts too
        short to tell apart: it counts in the rest.)"""
        jit = gc = writer = 0.0
        for tid in os.listdir("/proc/%d/task" % self.pid):
            try:
                raw = open("/proc/%d/task/%s/stat" % (self.pid, tid)).read()
            except OSError:
                continue
            name = raw[raw.index("(") + 1:raw.rindex(")")]
            f = raw.rsplit(")", 1)[1].split()
            t = (int(f[11]) + int(f[12])) / TICK
            if name.startswith(("C1 Compiler", "C2 Compiler")):
                jit += t
            elif name.startswith(("GC Thread", "G1 ", "VM Thread", "GC ")):
                gc += t
            elif name.startswith("message-log-wri"):
                writer += t
        return jit, gc, writer

    def user_system(self):
        """CPU seconds in user mode and in the kernel so far."""
        f = open("/proc/%d/stat" % self.pid).read().rsplit(")", 1)[1].split()
        return int(f[11]) / TICK, int(f[12]) / TICK

    def thread_cpu(self):
        """CPU milliseconds of every live thread so far, by its full name, from a thread dump (the JVM's own threads,
        compiler and collector included, carry cpu= there too); a dump that fails gives an empty map. /proc's names
        (cpu_groups) are cut at 15 characters, too short to tell a consumer from another Camel thread; a dump brings
        the JVM to a safepoint, so it is read at the two ends of a drain only, not around every load run."""
        out = subprocess.run([jcmd(), str(self.pid), "Thread.print"], capture_output=True, text=True).stdout
        cpu = {}
        for m in re.finditer(r'^"(.+?)".*? cpu=([0-9.]+)ms', out, re.M):
            cpu[m.group(1)] = cpu.get(m.group(1), 0.0) + float(m.group(2))
        return cpu

    def rss_mb(self):
        for line in open("/proc/%d/status" % self.pid):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
        return None

    def threads(self):
        return len(os.listdir("/proc/%d/task" % self.pid))


@atexit.register
def cleanup():
    for pr in list(reversed(PROCS)):
        try:
            pr.stop(20)
        except Exception:
            pass


def http(url, data=None, headers=None, method=None, timeout=10):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, r.read()


def wait_http(url, proc, seconds=240):
    t0 = time.time()
    while time.time() - t0 < seconds:
        if not proc.alive():
            raise RuntimeError("%s died; see %s" % (proc.name, proc.logfile))
        try:
            status, _ = http(url, timeout=2)
            if status < 400:
                return time.time()
        except Exception:
            pass
        time.sleep(0.1)
    raise RuntimeError("%s not ready within %d s; see %s" % (proc.name, seconds, proc.logfile))


def wait_port(port, proc, seconds=120):
    t0 = time.time()
    while time.time() - t0 < seconds:
        if not proc.alive():
            raise RuntimeError("%s died; see %s" % (proc.name, proc.logfile))
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("%s did not listen on %d; see %s" % (proc.name, port, proc.logfile))


# ------------------------------------------------------------------------------------------------ the parts
def simulator(name, connector, delay=0, root=None, extra=()):
    port = free_port()
    cmd = ["java", "-Xmx512m", "-XX:+UseParallelGC", "-cp", JAR,
           "-Dloader.main=vn.lienthong.hub.simulator.StandaloneSimulator",
           "org.springframework.boot.loader.launch.PropertiesLauncher",
           "--connector=" + connector, "--port=%d" % port, "--delay-millis=%d" % delay] + list(extra)
    if root:
        cmd.append("--root=" + root)
    pr = Proc(name, cmd, cpus=LOAD_CPUS)
    wait_port(port, pr)
    pr.port = port
    pr.url = "http://127.0.0.1:%d" % port
    return pr


def set_delay(sim, millis):
    http(sim.url + "/__admin/settings", json.dumps({"fixedDelay": millis}).encode(),
         {"Content-Type": "application/json"}, "POST")


def nginx(name, backend_port):
    port = free_port()
    d = os.path.join(RUN, name)
    os.makedirs(d, exist_ok=True)
    conf = os.path.join(d, "nginx.conf")
    open(conf, "w").write("""
worker_processes 1;
error_log %(d)s/error.log warn;
pid %(d)s/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path %(d)s/body; proxy_temp_path %(d)s/proxy; fastcgi_temp_path %(d)s/fastcgi;
  uwsgi_temp_path %(d)s/uwsgi; scgi_temp_path %(d)s/scgi;
  upstream backend { server 127.0.0.1:%(b)d; keepalive 512; }
  server {
    listen 127.0.0.1:%(p)d;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering on;
      proxy_buffers 64 8k;
    }
  }
}
""" % {"d": d, "b": backend_port, "p": port})
    exe = shutil.which("nginx") or "/usr/sbin/nginx"
    pr = Proc(name, [exe, "-c", conf, "-g", "daemon off;"], cpus=SUT_CPUS)
    wait_port(port, pr)
    pr.port = port
    pr.url = "http://127.0.0.1:%d" % port
    return pr


PG = {"host": os.environ.get("PGURL_HOST", "127.0.0.1"), "port": os.environ.get("PGPORT", "5432"),
      "db": os.environ.get("PGDATABASE", "test"), "user": os.environ.get("PGUSER", "postgres")}
PG_SCHEMA = "bench_" + re.sub(r"[^0-9a-z]", "", STAMP.lower())


def psql(sql):
    return subprocess.run(["psql", "-h", PG["host"], "-p", PG["port"], "-U", PG["user"], "-d", PG["db"], "-v",
                           "ON_ERROR_STOP=1", "-qc", sql], capture_output=True, text=True)


def pg_available():
    return shutil.which("psql") is not None and psql("SELECT 1").returncode == 0


def hub(name, env=None, args=(), jvm=(), db="h2", java_cmd=None, profile_start=False):
    port = free_port()
    data = os.path.join(RUN, name)
    e = {"HUB_DATA_DIR": data, "HUB_PORT": str(port), "HUB_BROKER_PORT": "0", "HUB_FAIR_USE_ENABLED": "false"}
    e.update(env or {})
    cmd_args = ["--hub.simulators.enabled=false"] + list(args)
    if db == "pg":
        schema = PG_SCHEMA + "_" + re.sub(r"[^a-z0-9]", "", name.lower())
        cmd_args += ["--spring.datasource.url=jdbc:postgresql://%s:%s/%s?currentSchema=%s" % (PG["host"], PG["port"], PG["db"], schema),
                     "--spring.datasource.username=" + PG["user"], "--spring.datasource.password=",
                     "--spring.flyway.schemas=" + schema]
    if profile_start and a.profile and not java_cmd:
        jvm = list(jvm) + ["-XX:StartFlightRecording=name=start,settings=profile"]
    cmd = (java_cmd or [HUB_JAVA] + list(jvm) + ["-jar", JAR]) + cmd_args
    pr = Proc(name, cmd, env=e, cpus=SUT_CPUS)
    pr.port = port
    pr.url = "http://127.0.0.1:%d" % port
    ready = wait_http(pr.url + "/actuator/health/readiness", pr)
    pr.ready_seconds = ready - pr.t0
    log("%s ready in %.1f s (pid %d, RSS %.0f MB, %d threads)" % (name, pr.ready_seconds, pr.pid, pr.rss_mb(), pr.threads()))
    if profile_start and a.profile and not java_cmd:
        jfr_stop(pr, "start to readiness", name="start")
    return pr


def journal_type(hub_proc):
    text = open(hub_proc.logfile, errors="replace").read()
    if "Using AIO Journal" in text or "AIO Journal" in text and "NIO" not in text:
        return "aio"
    return "nio"


# ------------------------------------------------------------------------------------------------ load: wrk
LOOKUP_BODY = '{"personalId":"001090012345","fullName":"Nguyễn Văn An","dateOfBirth":"1990-05-15"}'
HUB_HEADERS = {"Content-Type": "application/json", "X-API-Key": "demo-motcua-key", "X-User-Id": "bench",
               "X-Purpose": "1.003560.000.00.00.H22"}
BACKEND_LOOKUP = json.dumps({"MaYeuCau": "bench", "MaDVC": "1.003560.000.00.00.H22", "MaTichHop": "000.00.00.H22",
                             "MaCanBo": "bench", "HoVaTen": "Nguyễn Văn An", "SoDinhDanh": "001090012345",
                             "SoCMND": "", "NgayThangNam": "19900515", "Nam": "1990"}, ensure_ascii=False)
BACKEND_HEADERS = {"Content-Type": "application/json", "lgspaccesstoken": "demo-population-access-key"}


def lua_static(name, method, path, headers, body=None):
    f = os.path.join(RUN, name + ".lua")
    lines = ['wrk.method = "%s"' % method, 'wrk.path = "%s"' % path]
    for k, v in headers.items():
        lines.append('wrk.headers["%s"] = "%s"' % (k, v))
    if body is not None:
        lines.append("wrk.body = [==[%s]==]" % body)
    open(f, "w", encoding="utf-8").write("\n".join(lines) + "\n")
    return f


INGEST_CALLS = [0]


def lua_ingest():
    """Each request a new dossier (unique code per thread, call and request), 202 once durably queued."""
    INGEST_CALLS[0] += 1
    f = os.path.join(RUN, "ingest-%d.lua" % INGEST_CALLS[0])
    year = 10 + INGEST_CALLS[0] % 90
    open(f, "w", encoding="utf-8").write("""
local made = 0
function setup(thread) made = made + 1; thread:set("tid", made) end
local n = 0
local headers = {["Content-Type"] = "application/json", ["X-API-Key"] = "demo-motcua-key"}
function request()
  n = n + 1
  local day = 1 + math.floor(n / 99990)
  local code = string.format("000.00.01.H22-%%02d%%02d%%02d-%%05d", %d, tid, day, n %% 99990 + 1)
  local body = '{"MaHoSo":"' .. code .. '","MaTTHC":"H22-HT-KS","ChuHoSo":"Nguyễn Văn An","LoaiDoiTuong":"1",' ..
    '"KenhThucHien":"2","NgayTiepNhan":"2025-03-01T08:00:00+07:00","NgayHenTra":"2025-03-05T17:00:00+07:00",' ..
    '"TrangThaiHoSo":"DA_TIEP_NHAN"}'
  return wrk.format("POST", "/api/v1/dossiers", headers, body)
end
""" % year)
    return f


def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url, lua, conns, seconds, sut=None, label=""):
    # wrk closes its connections when its time is up, with requests still in flight; the system goes on with them.
    # A pause lets them finish, so a run does not start with the previous one's requests on top of its own.
    time.sleep(1)
    threads = max(1, min(conns, LOAD_N))
    cmd = pin(["wrk", "-t%d" % threads, "-c%d" % conns, "-d%ds" % seconds, "--latency", "--timeout", "30s", "-s", lua, url],
              LOAD_CPUS)
    profiled = bool(a.profile and sut and not label.startswith("warm-up"))
    if profiled:
        jfr_start(sut)
    cpu0 = sut.cpu_seconds() if sut else None
    groups0 = sut.cpu_groups() if sut else None
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    cpu1 = sut.cpu_seconds() if sut else None
    groups1 = sut.cpu_groups() if sut else None
    if profiled:
        r_profile = jfr_stop(sut, label)
    r = {"conns": conns, "seconds": seconds}
    m = re.search(r"(\d+) requests in ([\d.]+)(\w+)", out)
    r["requests"] = int(m.group(1)) if m else 0
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    r["rps"] = float(m.group(1)) if m else 0.0
    for pct in ("50", "90", "99"):
        m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s|m)\s*$" % pct, out, re.M)
        r["p" + pct] = round(ms(m.group(1), m.group(2)), 3) if m else None
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    r["non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    r["socket_errors"] = sum(int(x) for x in m.groups()) if m else 0
    r["errors"] = r["non2xx"] + r["socket_errors"]
    r["error_pct"] = round(100.0 * r["errors"] / r["requests"], 3) if r["requests"] else None  # None: no answer at all
    if profiled and r_profile:
        r["profile"] = r_profile["file"]
    if sut and r["requests"]:
        r["cpu_ms_per_req"] = round(1000.0 * (cpu1 - cpu0) / r["requests"], 3)
        # of which the JIT compiler and the garbage collector: a run that still compiles is not at its steady cost
        r["jit_ms_per_req"] = round(1000.0 * (groups1[0] - groups0[0]) / r["requests"], 3)
        r["gc_ms_per_req"] = round(1000.0 * (groups1[1] - groups0[1]) / r["requests"], 3)
        # the message log's writer thread: its share of the lookup's cost
        r["log_writer_ms_per_req"] = round(1000.0 * (groups1[2] - groups0[2]) / r["requests"], 3)
    log("  %-28s c=%-3d %8.1f req/s  p50 %s ms  p99 %s ms  errors %d%s" % (
        label, conns, r["rps"], r["p50"], r["p99"], r["errors"],
        ("  hub CPU %.2f ms/req (JIT %.2f, GC %.2f, log writer %.2f)" % (
            r["cpu_ms_per_req"], r["jit_ms_per_req"], r["gc_ms_per_req"], r["log_writer_ms_per_req"]))
        if "cpu_ms_per_req" in r else ""))
    return r


def row(scenario, measure, hub_value, base_value, ratio, target, unit, note=""):
    RESULTS["rows"].append({"scenario": scenario, "measure": measure, "hub": hub_value, "baseline": base_value,
                            "ratio": ratio, "target": target, "unit": unit, "note": note})


def rnd(x, n=2):
    return None if x is None else round(x, n)


# ------------------------------------------------------------------------------------------------ scenarios
def lookup_pair(h, ng, conns, label, warm=SHORT_WARM):
    """The hub and nginx on the same backend, one after the other, same connections and duration."""
    hub_lua = lua_static("lookup-hub", "POST", "/api/v1/citizens/lookup", HUB_HEADERS, LOOKUP_BODY)
    ng_lua = lua_static("lookup-backend", "POST", "/csdldc/api/v1/congdan/tracuu", BACKEND_HEADERS, BACKEND_LOOKUP)
    wrk(ng.url, ng_lua, conns, warm, label="warm-up nginx")
    base = wrk(ng.url, ng_lua, conns, D, label="nginx " + label)
    wrk(h.url, hub_lua, conns, warm, label="warm-up hub")
    mine = wrk(h.url, hub_lua, conns, D, sut=h, label="hub " + label)
    return mine, base


def warm_until_steady(h, lua, conns=16):
    """Warm-up until the hub's CPU per request has settled: windows of load until the JIT compiler takes less than
    a tenth of the hub's CPU and two successive windows differ by less than 5 %, after WARM seconds at least and
    5 × WARM at most. On one pinned core the JIT compiler shares the hub's core: after a fixed minute it still took
    a seventh of it, and the one-connection runs that followed paid for the compiles still queued."""
    window = max(5, WARM // 6)
    history, spent, settled = [], 0, False
    while spent < 5 * WARM and not settled:
        r = wrk(h.url, lua() if callable(lua) else lua, conns, window, sut=h, label="warm-up")
        spent += window
        history.append({"seconds": spent, "rps": r["rps"], "cpu_ms_per_req": r.get("cpu_ms_per_req"),
                        "jit_ms_per_req": r.get("jit_ms_per_req")})
        last, before = history[-1], history[-2] if len(history) >= 2 else None
        settled = bool(spent >= WARM and before and last["cpu_ms_per_req"] and before["cpu_ms_per_req"]
                       and abs(last["cpu_ms_per_req"] / before["cpu_ms_per_req"] - 1) < 0.05
                       and (last["jit_ms_per_req"] or 0) < 0.1 * last["cpu_ms_per_req"])
    log("hub warmed up in %d s (%s)" % (spent, "settled" if settled else "not settled: the cap"))
    return history


def p1_p2(h, ng, backend, db):
    out = {}
    hub_lua = lua_static("lookup-hub", "POST", "/api/v1/citizens/lookup", HUB_HEADERS, LOOKUP_BODY)
    set_delay(backend, 0)
    out["warm_up"] = warm_until_steady(h, hub_lua)
    # what the hub spends with no request at all (its timers, pollers, the compiles still queued): at one connection
    # this is shared by few requests, at sixteen by many
    cpu0, groups0 = h.cpu_seconds(), h.cpu_groups()
    time.sleep(10)
    out["idle_cpu_ms_per_s"] = round(100.0 * (h.cpu_seconds() - cpu0), 1)
    out["idle_jit_ms_per_s"] = round(100.0 * (h.cpu_groups()[0] - groups0[0]), 1)
    log("hub at rest: %.1f ms of CPU per second (JIT %.1f)" % (out["idle_cpu_ms_per_s"], out["idle_jit_ms_per_s"]))
    delays = [0, 30] if "P2" in SCEN and db == "h2" else [0]
    for delay in delays:
        set_delay(backend, delay)
        for conns in (1, 16):
            mine, base = lookup_pair(h, ng, conns, "%s delay %d ms" % (db, delay))
            out["delay%d_c%d" % (delay, conns)] = {"hub": mine, "nginx": base}
            if delay == 0:
                row("P1" + ("" if db == "h2" else " pg"), "lookup throughput, %d conn, %s" % (conns, db.upper()),
                    mine["rps"], base["rps"], rnd(mine["rps"] / base["rps"], 3) if base["rps"] else None,
                    "≥ 0.2" if conns == 16 else "", "req/s",
                    "hub CPU %.2f ms/req (message-log writer %.2f), errors %d" % (
                        mine.get("cpu_ms_per_req", 0), mine.get("log_writer_ms_per_req", 0), mine["errors"]))
            else:
                for pct, target in (("p50", "≤ +1 ms"), ("p99", "≤ +5 ms")):
                    if mine[pct] is not None and base[pct] is not None:
                        row("P2", "added latency %s, %d ms backend, %d conn" % (pct, delay, conns), mine[pct], base[pct],
                            "+%.1f ms" % (mine[pct] - base[pct]), target, "ms")
    set_delay(backend, 0)
    if db == "h2":
        # the embedded database's file after every lookup of P1 and P2 (two message-log records each)
        folder = os.path.join(RUN, h.name, "db")
        size = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder)) if os.path.isdir(folder) else 0
        out["h2_file_mb"] = round(size / 1048576.0, 1)
        log("H2 file after P1/P2: %.1f MB" % out["h2_file_mb"])
    RESULTS["details"]["P1P2_" + db] = out


def p3(h, sims):
    lua_hub = lua_static("prefill-hub", "POST", "/api/v1/prefill", dict(HUB_HEADERS, **{"X-Purpose": "1.004227.000.00.00.H22"}),
                         json.dumps({"procedureCode": "1.004227.000.00.00.H22", "subject": {
                             "personalId": "001090012345", "fullName": "Nguyễn Văn An", "dateOfBirth": "1990-05-15"}},
                             ensure_ascii=False))
    lua_land = lua_static("prefill-slowest", "GET", "/ilis/api/v1/thuadat?soDinhDanh=001090012345",
                          {"lgspaccesstoken": "demo-land-access-key"})
    for s in sims:
        set_delay(s, 200)
    try:
        out = {}
        wrk(h.url, lua_hub, 4, WARM, label="warm-up pre-fill")
        for conns in (1, 16):
            wrk(sims[1].url, lua_land, conns, SHORT_WARM, label="warm-up slowest source")
            base = wrk(sims[1].url, lua_land, conns, D, label="slowest source alone")
            wrk(h.url, lua_hub, conns, SHORT_WARM, label="warm-up pre-fill")
            mine = wrk(h.url, lua_hub, conns, D, sut=h, label="pre-fill of 3 sources")
            out["c%d" % conns] = {"hub": mine, "slowest": base}
            row("P3", "pre-fill p50, 3 sources of 200 ms, %d conn" % conns, mine["p50"], base["p50"],
                rnd(mine["p50"] / base["p50"], 3) if base["p50"] else None, "≈ 1", "ms",
                "p99 %s vs %s ms, errors %d" % (mine["p99"], base["p99"], mine["errors"]))
        RESULTS["details"]["P3"] = out
    finally:
        for s in sims:
            set_delay(s, 0)


ARTEMIS_BROKER = {}


def artemis_broker(jtype):
    """A standalone broker of the same version with the hub's embedded journal settings (type, sync, buffer)."""
    if jtype in ARTEMIS_BROKER:
        return ARTEMIS_BROKER[jtype]
    inst = os.path.join(RUN, "artemis-" + jtype)
    port = free_port()
    subprocess.run([os.path.join(ARTEMIS, "bin", "artemis"), "create", inst, "--user", "bench", "--password", "bench",
                    "--allow-anonymous", "--silent", "--force", "--no-web", "--no-autotune", "--" + jtype,
                    "--default-port", str(port), "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor",
                    "--no-hornetq-acceptor"], check=True, capture_output=True)
    xml = os.path.join(inst, "etc", "broker.xml")
    text = open(xml).read()
    # the embedded broker's defaults (no buffer timeout tuned for the disk): Artemis' own defaults per journal type
    default_timeout = "500000" if jtype == "aio" else "3333333"
    text = re.sub(r"<journal-buffer-timeout>\d+</journal-buffer-timeout>",
                  "<journal-buffer-timeout>%s</journal-buffer-timeout>" % default_timeout, text)
    if "<journal-buffer-timeout>" not in text:
        text = text.replace("</journal-type>", "</journal-type>\n      <journal-buffer-timeout>%s</journal-buffer-timeout>" % default_timeout)
    open(xml, "w").write(text)
    pr = Proc("artemis-" + jtype, [os.path.join(inst, "bin", "artemis"), "run"], cpus=SUT_CPUS,
              env={"JAVA_ARGS": "-Xms512m -Xmx1g"})
    wait_port(port, pr)
    pr.port = port
    ARTEMIS_BROKER[jtype] = pr
    return pr


def artemis_perf(broker, producers, seconds):
    report = os.path.join(RUN, "artemis-perf-%d-%d.json" % (producers, int(time.time())))
    cmd = pin([os.path.join(ARTEMIS, "bin", "artemis"), "perf", "client", "--url", "tcp://127.0.0.1:%d" % broker.port,
               "--user", "bench", "--password", "bench", "--persistent", "--message-size", "1024",
               "--producers", str(producers), "--consumers", "1", "--threads", str(max(1, min(producers, 4))),
               "--max-pending", "1", "--duration", str(seconds), "--warmup", str(SHORT_WARM), "--json", report,
               "--silent", "queue://BENCH"], LOAD_CPUS)
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + SHORT_WARM + 120)
    open(os.path.join(RUN, "artemis-perf.log"), "a").write(out.stdout + out.stderr)
    rate = None
    try:
        rep = json.load(open(report))
        rate = perf_rate(rep)
    except Exception:
        pass
    if rate is None:
        m = re.findall(r"produced[^\n]*?([\d.]+)\s*msg/sec", out.stdout + out.stderr, re.I)
        rate = float(m[-1]) if m else 0.0
    log("  artemis perf client        producers=%-3d %8.1f msg/s" % (producers, rate))
    return rate


def perf_rate(rep):
    """Completed (durably sent) messages per second over the measured intervals of an `artemis perf client --json`
    report: a list of interval samples (about one a second, "completed" in each) and a summary."""
    samples = [s for s in rep if s.get("sampleType") == "interval" and not s.get("warmup")]
    if len(samples) < 2:
        return None
    done = sum(s["completed"] for s in samples[1:])
    return done / ((samples[-1]["time"] - samples[0]["time"]) / 1000.0)


def p4(h, db):
    jtype = journal_type(h)
    broker = artemis_broker(jtype)
    out = {"journal": jtype}
    # the accept path is other code than the lookup's: warmed on its own until its cost settles
    out["warm_up"] = warm_until_steady(h, lua_ingest)  # a new script per window: every dossier code is new
    for clients in (1, 4, 16):
        earlier = RESULTS["details"].get("P4_h2", {}).get("base%d" % clients)
        base = earlier if db != "h2" and earlier else artemis_perf(broker, clients, D)
        lua = lua_ingest()
        wrk(h.url, lua, clients, SHORT_WARM, label="warm-up ingest")
        mine = wrk(h.url, lua_ingest(), clients, D, sut=h, label="ingest %s" % db)
        out["c%d" % clients] = mine
        out["base%d" % clients] = base
        row("P4" + ("" if db == "h2" else " pg"), "durable ingest (delivery paused), %d clients, %s, %s journal" % (clients, db.upper(), jtype.upper()),
            mine["rps"], rnd(base, 1), rnd(mine["rps"] / base, 3) if base else None,
            "≥ 2,000/s and ≥ 0.5" if clients == 16 else "", "events/s",
            "hub CPU %.2f ms/event, errors %d" % (mine.get("cpu_ms_per_req", 0), mine["errors"]))
    RESULTS["details"]["P4_" + db] = out


def p5(h_on, backend, env):
    set_delay(backend, 0)
    # started as the main hub is (the same backends, the delivery paused), the message log's setting the one difference
    off = hub("hub-audit-off", env=env, args=[NO_DELIVERY, "--hub.bench.audit-off=true"])
    try:
        lua = lua_static("lookup-hub", "POST", "/api/v1/citizens/lookup", HUB_HEADERS, LOOKUP_BODY)
        # both at their steady cost: each hub is warmed until its CPU per lookup settles, as before P1 (after a
        # fixed minute the "off" hub still ran at twice its steady cost, and the pair said nothing; the main hub
        # settles at once when P1 ran before); then on, off, on, off
        warm = {"off_warm_up": warm_until_steady(off, lua), "on_warm_up": warm_until_steady(h_on, lua)}
        runs = {"on": [], "off": []}
        for _ in range(2):
            runs["on"].append(wrk(h_on.url, lua, 16, D, sut=h_on, label="audit on"))
            runs["off"].append(wrk(off.url, lua, 16, D, sut=off, label="audit off"))
        on_r, off_r = (max(runs[k], key=lambda r: r["rps"]) for k in ("on", "off"))
        RESULTS["details"]["P5"] = dict(runs, **warm)
        row("P5", "lookup, message log on vs off, 16 conn", on_r["rps"], off_r["rps"],
            rnd(on_r["rps"] / off_r["rps"], 3) if off_r["rps"] else None, "", "req/s",
            "hub CPU %.2f vs %.2f ms/req" % (on_r.get("cpu_ms_per_req", 0), off_r.get("cpu_ms_per_req", 0)))
    finally:
        off.stop()


def land_root():
    """The land simulator's own files plus three owners whose answers are about 1 KiB, 10 KB and 100 KiB."""
    root = os.path.join(RUN, "land-simulator")
    shutil.copytree(os.path.join(ROOT, "connectors", "land", "simulator"), root,
                    ignore=shutil.ignore_patterns("README.md"))
    sample = json.load(open(os.path.join(root, "__files", "thuadat-001090012345.json"), encoding="utf-8"))
    parcel = sample["DanhSachThuaDat"][0]
    ids = {}
    for label, size, owner in (("1k", 1024, "001090000001"), ("10k", 10_000, "001090000010"),
                               ("100k", 102_400, "001090000100")):
        parcels = []
        while True:
            q = json.loads(json.dumps(parcel))
            i = len(parcels) + 1
            q["MaThua"] = "00004-12-%d" % (1000 + i)
            q["SoThuaDat"] = str(1000 + i)
            q["SoPhatHanhGCN"] = "DA %06d" % i
            q["ChuSuDung"][0]["SoDinhDanh"] = owner
            parcels.append(q)
            body = json.dumps({"KetQua": "OK", "DanhSachThuaDat": parcels}, ensure_ascii=False, indent=2)
            if len(body.encode("utf-8")) >= size:
                break
        open(os.path.join(root, "__files", "bench-%s.json" % label), "w", encoding="utf-8").write(body)
        json.dump({"name": "bench: %s answer" % label, "priority": 0,
                   "request": {"method": "GET", "urlPath": "/ilis/api/v1/thuadat",
                               "queryParameters": {"soDinhDanh": {"equalTo": owner}}},
                   "response": {"status": 200, "headers": {"Content-Type": "application/json; charset=utf-8"},
                                "bodyFileName": "bench-%s.json" % label}},
                  open(os.path.join(root, "mappings", "bench-%s.json" % label), "w"))
        ids[label] = (owner, len(body.encode("utf-8")))
    return root, ids


def p6(land_sim, ids):
    h = hub("hub-512m", env={"HUB_LAND_URL": land_sim.url}, jvm=["-Xmx512m"],
            args=["--hub.services.land-parcels.max-concurrent-calls=1000"])
    ng = nginx("nginx-land", land_sim.port)
    out = {}
    try:
        for label, (owner, size) in ids.items():
            if label == "1k":
                continue
            hub_lua = lua_static("land-hub-" + label, "POST", "/api/v1/services/land-parcels", HUB_HEADERS,
                                 json.dumps({"ownerPersonalId": owner}))
            ng_lua = lua_static("land-nginx-" + label, "GET", "/ilis/api/v1/thuadat?soDinhDanh=" + owner,
                                {"lgspaccesstoken": "demo-land-access-key"})
            wrk(ng.url, ng_lua, 500, SHORT_WARM, label="warm-up nginx")
            base = wrk(ng.url, ng_lua, 500, D, label="nginx passthrough %s" % label)
            wrk(h.url, hub_lua, 50, WARM if label == "10k" else SHORT_WARM, label="warm-up hub")
            mine = wrk(h.url, hub_lua, 500, D, sut=h, label="hub mapping %s" % label)
            out[label] = {"hub": mine, "nginx": base, "answer_bytes": size}
            row("P6", "%s mapping (%d B answer), 500 users, 512 MB heap" % (label, size), mine["rps"], base["rps"],
                rnd(mine["rps"] / base["rps"], 3) if base["rps"] else None, "0 % errors", "req/s",
                "errors %s %% (%d), p99 %s ms, RSS %.0f MB" % (mine["error_pct"], mine["errors"], mine["p99"], h.rss_mb()))
        RESULTS["details"]["P6"] = out
    finally:
        h.stop()
        ng.stop()


def extracted(java, folder, training):
    """The jar extracted by Spring Boot's tools jar mode into the run directory: (folder, the application jar in it,
    the environment of a training run with its own data directory and free ports)."""
    ext = os.path.join(RUN, folder)
    subprocess.run([java, "-Djarmode=tools", "-jar", JAR, "extract", "--destination", ext], check=True,
                   capture_output=True, cwd=RUN)
    env = os.environ.copy()
    env.update({"HUB_DATA_DIR": os.path.join(RUN, training), "HUB_PORT": "0", "HUB_BROKER_PORT": "0"})
    return ext, os.path.join(ext, os.path.basename(JAR)), env


def p7_cds(backend):
    """The same hub from the extracted jar with a class-data-sharing archive of the classes a start loads (a training
    run that stops after the context refresh). Java 19+: a dynamic archive (-XX:ArchiveClassesAtExit); Java 17 (whose
    dynamic archive crashes on this application's lambdas): a static archive from the class list of the training run,
    without the lambda proxies (the static dump crashes on them too)."""
    ext, app, train_env = extracted(HUB_JAVA, "extracted", "cds-training")
    jsa = os.path.join(ext, "application.jsa")
    args = ["-Dspring.context.exit=onRefresh", "-jar", app, "--hub.simulators.enabled=false"]
    feature = java_feature(HUB_JAVA)
    logf = open(os.path.join(RUN, "cds-training.log"), "w")
    if feature >= 19:
        subprocess.run(pin([HUB_JAVA, "-XX:ArchiveClassesAtExit=" + jsa] + args, SUT_CPUS), env=train_env, cwd=RUN,
                       stdout=logf, stderr=subprocess.STDOUT, timeout=600)
    else:
        classes = os.path.join(ext, "classes.lst")
        subprocess.run(pin([HUB_JAVA, "-XX:DumpLoadedClassList=" + classes] + args, SUT_CPUS), env=train_env, cwd=RUN,
                       stdout=logf, stderr=subprocess.STDOUT, timeout=600)
        # Java 17's dump also crashes on the archived lambda proxies: the classes only
        kept = classes + ".classes-only"
        open(kept, "w").writelines(l for l in open(classes) if not l.startswith("@lambda-proxy"))
        subprocess.run([HUB_JAVA, "-Xshare:dump", "-XX:SharedClassListFile=" + kept, "-XX:SharedArchiveFile=" + jsa,
                        "-jar", app], cwd=RUN, stdout=logf, stderr=subprocess.STDOUT, timeout=600)
    if not os.path.exists(jsa):
        log("CDS training run made no archive; see cds-training.log")
        return None
    RESULTS["details"].setdefault("P7", {})["cds_archive_mb"] = round(os.path.getsize(jsa) / 1048576.0, 1)
    return hub("hub-cds", env={"HUB_POPULATION_URL": backend.url},
               java_cmd=[HUB_JAVA, "-XX:SharedArchiveFile=" + jsa, "-Xshare:auto", "-jar", app])


def p7_container(backend, portal):
    """The hub's memory with the JVM sized as the image sizes it in its container: the manifest's memory limit
    (docker/kubernetes/hub.yaml, 2 GiB) as the JVM's RAM and the image's -XX:MaxRAMPercentage=75; the initial heap then
    follows the limit (1/64 of it) instead of the machine's 24 GiB. Idle, then after lookups and ingest at 16 conns."""
    h = hub("hub-container", env={"HUB_POPULATION_URL": backend.url, "HUB_PORTAL_URL": portal.url}, args=[NO_DELIVERY],
            jvm=["-XX:MaxRAM=2g", "-XX:MaxRAMPercentage=75"])
    try:
        time.sleep(3)
        figures = {"rss_idle_mb": h.rss_mb(), "threads_idle": h.threads()}
        wrk(h.url, lua_static("lookup-hub", "POST", "/api/v1/citizens/lookup", HUB_HEADERS, LOOKUP_BODY), 16, WARM,
            sut=h, label="load for P7 (lookups)")
        wrk(h.url, lua_ingest(), 16, D, sut=h, label="load for P7 (ingest)")
        figures.update({"rss_loaded_mb": h.rss_mb(), "threads_loaded": h.threads()})
        return figures
    finally:
        h.stop()


def java_feature(java):
    text = subprocess.run([java, "-XshowSettings:properties", "-version"], capture_output=True, text=True).stderr
    m = re.search(r"java\.specification\.version = (\d+)", text)
    return int(m.group(1)) if m else 0


def aot_java():
    """A JDK with the ahead-of-time cache of JEP 514 (25 and later): BENCH_AOT_JAVA, or the newest under /usr/lib/jvm."""
    given = os.environ.get("BENCH_AOT_JAVA")
    candidates = [given] if given else sorted(
        (os.path.join("/usr/lib/jvm", d, "bin", "java") for d in os.listdir("/usr/lib/jvm")), reverse=True) \
        if os.path.isdir("/usr/lib/jvm") else []
    best = None
    for java in candidates:
        if os.path.exists(java):
            feature = java_feature(java)
            if feature >= 25 and (best is None or feature > best[1]):
                best = (java, feature)
    return best


def p7_aot(backend):
    """The start on a JDK with the ahead-of-time cache (25 and later): the jar on that JDK, then the extracted jar
    with an AOT cache made by a training run that starts the hub up to its readiness and then stops it (SIGTERM;
    the JVM writes the cache as it exits). Spring Boot's recipe stops the training at the context refresh
    (-Dspring.context.exit=onRefresh), before Tomcat, Camel's routes and the JMS consumers start, so the classes
    those load were not in its cache: on this machine its hub started in 10.7-11.6 s, this one in 9.7-10.0 s.
    Returns the figures of both, or None."""
    found = aot_java()
    if not found:
        log("P7: no JDK 25 or later (BENCH_AOT_JAVA or /usr/lib/jvm): the AOT cache is not measured")
        return None
    java, feature = found
    ext, app, _ = extracted(java, "extracted-aot", "aot-training")
    cache = os.path.join(ext, "hub.aot")
    training = hub("aot-training", java_cmd=[java, "-XX:AOTCacheOutput=" + cache, "-jar", app])
    training.stop(timeout=600)  # the cache is assembled after the hub has stopped, before the JVM exits
    figures = {"jdk": feature}
    plain = hub("hub-jdk%d" % feature, env={"HUB_POPULATION_URL": backend.url}, java_cmd=[java, "-jar", JAR])
    time.sleep(3)
    figures.update({"jar_ready_s": plain.ready_seconds, "jar_rss_idle_mb": plain.rss_mb()})
    plain.stop()
    if not os.path.exists(cache):
        log("AOT training run made no cache; see aot-training.log")
        return figures
    figures["aot_cache_mb"] = round(os.path.getsize(cache) / 1048576.0, 1)
    cached = hub("hub-aot", env={"HUB_POPULATION_URL": backend.url},
                 java_cmd=[java, "-XX:AOTCache=" + cache, "-jar", app])
    time.sleep(3)
    figures.update({"aot_ready_s": cached.ready_seconds, "aot_rss_idle_mb": cached.rss_mb()})
    cached.stop()
    return figures


NO_DELIVERY = "--camel.main.auto-startup-exclude-pattern=dossier-delivery"


def p8(portal):
    consumers = int(os.environ.get("HUB_DOSSIER_CONSUMERS", "0")) or jar_default_consumers()
    out = {}
    for latency, day in ((1, "250311"), (100, "250312")):
        set_delay(portal, latency)
        name = "hub-drain-%dms" % latency
        env = {"HUB_PORTAL_URL": portal.url, "HUB_DOSSIER_CONSUMERS": str(consumers)}
        h = hub(name, env=env, args=[NO_DELIVERY])
        accepted = os.path.join(RUN, name + "-accepted.txt")
        n = DRAIN_EVENTS if latency == 1 else min(DRAIN_EVENTS, 1000 if MODE != "quick" else 200)
        dossiers = max(1, n // 5)
        subprocess.run(pin([sys.executable, os.path.join(ROOT, "bench", "dossier_load.py"), "--url", h.url, "--dossiers",
                            str(dossiers), "--steps", "4", "--parallel", "16", "--day", day, "--run", day, "--out",
                            accepted], LOAD_CPUS), check=True, capture_output=True)
        total = sum(1 for _ in open(accepted))
        h.stop()
        log("  backlog of %d events queued; delivery starts with the restart" % total)
        h = hub(name, env=env)
        jfr_start(h)
        deadline = time.time() + 600
        got, first, half = [], None, None
        while time.time() < deadline:
            rec = json.loads(http(portal.url + "/__portal/received", timeout=30)[1])["received"]
            got = [r for r in rec if ("-%s-" % day) in r["MaHoSo"]]
            if first is None:
                first = (len(got), h.cpu_seconds(), h.cpu_groups()[0])  # hub CPU per delivered event from here on
                threads_first, mode_first = h.thread_cpu(), h.user_system()
            if half is None and len(got) >= total // 2:
                half = (len(got), h.cpu_seconds(), h.cpu_groups()[0])  # and over the second half, the JIT further along
            if len(got) >= total:
                break
            time.sleep(0.5)
        end = (len(got), h.cpu_seconds(), h.cpu_groups()[0])
        threads_end, mode_end = h.thread_cpu(), h.user_system()
        # where the CPU went, by thread (numbers folded, so the 16 consumers are one line) and user / kernel mode
        events = max(1, end[0] - first[0])
        by_thread = {}
        for t, ms_now in (threads_end.items() if threads_first else ()):  # no first dump: no split
            key = re.sub(r"\d+", "#", t)
            by_thread[key] = by_thread.get(key, 0.0) + (ms_now - threads_first.get(t, 0.0)) / events
        by_thread = sorted(((k, round(v, 2)) for k, v in by_thread.items() if v >= 0.05), key=lambda kv: -kv[1])
        modes = {"user": round(1000.0 * (mode_end[0] - mode_first[0]) / events, 2),
                 "kernel": round(1000.0 * (mode_end[1] - mode_first[1]) / events, 2)}
        log("  hub CPU ms/event by thread: %s; user %s, kernel %s" % (
            ", ".join("%s %s" % kv for kv in by_thread[:8]), modes["user"], modes["kernel"]))

        def per_event(mark, i):  # ms of CPU (i = 1) or of it the JIT compiler threads (i = 2) per event since mark
            return 1000.0 * (end[i] - mark[i]) / (end[0] - mark[0]) if mark and end[0] > mark[0] else None
        # the JIT's share is read on JDK 17; later JDKs stop idle compiler threads, which then drop out of the count
        cpu_per_event, cpu_late = per_event(first, 1), per_event(half, 1)
        jit_per_event, jit_late = per_event(first, 2), per_event(half, 2)
        jfr_stop(h, "drain, portal %d ms" % latency)
        stamps = sorted(parse_time(r["receivedAt"]) for r in got)
        rate = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 and stamps[-1] > stamps[0] else 0.0
        # the drain starts on a hub just started (the realistic case: a restart with a backlog), its JIT still cold;
        # the second half of the arrivals shows how far the rate rises once the delivery path is compiled
        late = stamps[len(stamps) // 2:]
        rate_late = (len(late) - 1) / (late[-1] - late[0]) if len(late) > 1 and late[-1] > late[0] else 0.0
        check = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "dossier_check.py"), accepted, portal.url],
                               capture_output=True, text=True).stdout.strip()
        h.stop()
        ideal = consumers * 1000.0 / latency
        out["%dms" % latency] = {"events": total, "arrived": len(got), "rate": rate, "ideal": ideal, "check": check,
                                 "cpu_ms_per_event": cpu_per_event, "rate_second_half": rate_late,
                                 "cpu_ms_per_event_second_half": cpu_late, "jit_ms_per_event": jit_per_event,
                                 "jit_ms_per_event_second_half": jit_late, "cpu_ms_per_event_by_thread": by_thread,
                                 "cpu_ms_per_event_by_mode": modes}
        log("  drain at %d ms portal latency: %.1f events/s (second half %.1f; ideal %d consumers ÷ latency = %.0f/s), "
            "hub CPU %s ms/event, JIT %s (second half %s, JIT %s); %s" % (
                latency, rate, rate_late, consumers, ideal, rnd(cpu_per_event), rnd(jit_per_event), rnd(cpu_late),
                rnd(jit_late), check))
        row("P8", "delivery drain, portal %d ms, %d consumers" % (latency, consumers), rnd(rate, 1), ideal,
            rnd(rate / ideal, 3), "≥ 500/s" if latency == 1 else "≥ 0.8", "events/s",
            "hub CPU %s ms/event (JIT %s); second half of the drain %.1f events/s, %s ms/event (JIT %s); %s" % (
                rnd(cpu_per_event), rnd(jit_per_event), rate_late, rnd(cpu_late), rnd(jit_late), check))
    set_delay(portal, 1)
    RESULTS["details"]["P8"] = out


AUDITOR_HEADERS = {"X-API-Key": "demo-auditor-key", "X-User-Id": "bench.auditor"}


def g1():
    """Growth: message-log query time against the size of the log (10^4 and 10^6 records, PostgreSQL), through the
    audit API with the auditor's filters; the baseline is the same query on the small log."""
    if a.no_pg or not pg_available():
        log("G1 needs PostgreSQL: skipped")
        return
    h = hub("hub-growth", db="pg")
    schema = PG_SCHEMA + "_hubgrowth"
    now = datetime.datetime.now(datetime.timezone.utc)
    iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
    queries = {
        "one transaction": "transactionId=g-777",
        "a client, 7 days": "client=client-7&from=%s&to=%s" % (iso(now - datetime.timedelta(days=7)), iso(now)),
        "a service, 1 day": "service=service-3&from=%s&to=%s" % (iso(now - datetime.timedelta(days=1)), iso(now)),
        "an officer, 30 days": "user=user-42&from=%s&to=%s" % (iso(now - datetime.timedelta(days=30)), iso(now)),
        "everything, 1 hour": "from=%s&to=%s" % (iso(now - datetime.timedelta(hours=1)), iso(now)),
    }
    reps = 5 if MODE == "quick" else 15
    timings = {}
    seeded = 0
    try:
        for size in (10 ** 4, 10 ** 6):
            t0 = time.time()
            # records spread over the last 30 days: 50 clients, 2,000 officers, 20 services; no chain position (the
            # hub's own writer keeps its chain apart), so the hub's writes go on as usual during the run
            r = psql("""INSERT INTO %s.message_log (record_type, transaction_id, hub_instance, channel, client_id, user_id,
                purpose, service, operation, subject_ref, outcome, http_status, time_in, time_out, duration_ms)
                SELECT 'EXCHANGE', 'g-' || g, 'hub-bench', 'REST', 'client-' || (g %% 50), 'user-' || (g %% 2000),
                'bench', 'service-' || (g %% 20), 'bench', md5(g::text), 'SUCCESS', 200,
                now() - (g %% 2592000) * interval '1 second', now() - (g %% 2592000) * interval '1 second', 5
                FROM generate_series(%d, %d) g; ANALYZE %s.message_log;""" % (schema, seeded + 1, size, schema))
            if r.returncode != 0:
                log("G1 seeding failed: " + r.stderr.strip())
                return
            seeded = size
            log("G1: message log at %d records (seeded in %.1f s)" % (size, time.time() - t0))
            for name, q in queries.items():
                url = h.url + "/api/v1/audit/records?size=50&" + q
                took = []
                # the first size also warms the JVM up: its queries are compiled before anything is timed
                warm = 30 if size == 10 ** 4 else 3
                for i in range(reps + warm):
                    t = time.time()
                    try:
                        http(url, headers=AUDITOR_HEADERS, timeout=60)
                    except urllib.error.HTTPError as e:
                        log("G1 %s answered %s: %s" % (name, e.code, e.read()[:200]))
                        return
                    if i >= warm:
                        took.append((time.time() - t) * 1000)
                took.sort()
                timings.setdefault(name, {})[size] = took[len(took) // 2]
        for name, t in timings.items():
            row("G1", "message-log query, %s: median at 10^6 records (baseline: at 10^4)" % name, rnd(t[10 ** 6], 1),
                rnd(t[10 ** 4], 1), rnd(t[10 ** 6] / t[10 ** 4], 2), "≤ 3 (grows with the answer, not the log)", "ms",
                "audit API, page of 50 with its total, PostgreSQL")
        RESULTS["details"]["G1"] = timings
    finally:
        h.stop()
        psql("DROP SCHEMA IF EXISTS %s CASCADE" % schema)


def g2(portal):
    """Growth: durable ingest at 16 clients against the events in flight (accepted and not yet delivered: in the
    delivery queue and PENDING in the state table), delivery paused, H2. Successive windows on one hub, each starting
    with the backlog the earlier ones left; the baseline is the first window, on an empty queue."""
    h = hub("hub-inflight", env={"HUB_PORTAL_URL": portal.url}, args=[NO_DELIVERY])
    try:
        warm = wrk(h.url, lua_ingest(), 16, WARM, label="warm-up ingest")
        in_flight = warm["requests"] - warm["errors"]
        first = None
        out = []
        for _ in range({"quick": 3, "normal": 6, "long": 10}[MODE]):
            r = wrk(h.url, lua_ingest(), 16, D, sut=h, label="ingest, %d in flight" % in_flight)
            r["in_flight_at_start"] = in_flight
            out.append(r)
            first = first or r["rps"]
            row("G2", "durable ingest, 16 clients, H2, with %d events in flight (baseline: the first window)" % in_flight,
                r["rps"], first, rnd(r["rps"] / first, 2) if first else None, "≈ 1 (flat)", "events/s",
                "hub CPU %.2f ms/event (JIT %.2f), p99 %s ms, errors %d" % (
                    r.get("cpu_ms_per_req", 0), r.get("jit_ms_per_req", 0), r["p99"], r["errors"]))
            in_flight += r["requests"] - r["errors"]
        RESULTS["details"]["G2"] = out
    finally:
        h.stop()


def g3(land_sim, ids):
    """Growth: the lookup's latency against the size of its answer. The land-parcels lookup (JSON from the land
    system, mapped to the hub's model) with answers of about 1 KiB, 10 KB and 100 KiB, one connection, against nginx
    passing the same answers through from the same simulator; the hub's added latency at each size."""
    h = hub("hub-payload", env={"HUB_LAND_URL": land_sim.url})
    ng = nginx("nginx-payload", land_sim.port)
    out = {}
    try:
        luas = {}
        for label, (owner, size) in ids.items():
            luas[label] = (lua_static("payload-hub-" + label, "POST", "/api/v1/services/land-parcels", HUB_HEADERS,
                                      json.dumps({"ownerPersonalId": owner})),
                           lua_static("payload-nginx-" + label, "GET", "/ilis/api/v1/thuadat?soDinhDanh=" + owner,
                                      {"lgspaccesstoken": "demo-land-access-key"}))
        # every size warmed before any is measured: the first size measured is not the one that paid for the JIT
        for label in ids:
            wrk(h.url, luas[label][0], 4, WARM // len(ids), label="warm-up hub %s" % label)
        first = None
        for label, (owner, size) in ids.items():
            hub_lua, ng_lua = luas[label]
            wrk(ng.url, ng_lua, 1, SHORT_WARM, label="warm-up nginx")
            base = wrk(ng.url, ng_lua, 1, D, label="nginx passthrough %s" % label)
            wrk(h.url, hub_lua, 1, SHORT_WARM, label="warm-up hub")
            mine = wrk(h.url, hub_lua, 1, D, sut=h, label="hub lookup %s" % label)
            added = {pct: rnd(mine[pct] - base[pct], 2) if mine[pct] is not None and base[pct] is not None else None
                     for pct in ("p50", "p99")}
            out[label] = {"hub": mine, "nginx": base, "answer_bytes": size, "added_ms": added}
            first = first or added["p50"]
            row("G3", "lookup, answer of %d B, 1 conn: added latency p50 / p99 (baseline: nginx p50 / p99)" % size,
                "+%s / +%s ms" % (added["p50"], added["p99"]), "%s / %s ms" % (base["p50"], base["p99"]),
                rnd(added["p50"] / first, 2) if first else None, "grows with the answer (÷ the smallest)", "ms",
                "hub CPU %.2f ms/lookup (JIT %.2f), errors %d" % (
                    mine.get("cpu_ms_per_req", 0), mine.get("jit_ms_per_req", 0), mine["errors"]))
        RESULTS["details"]["G3"] = out
    finally:
        h.stop()
        ng.stop()


def jar_default_consumers():
    """The delivery consumers the measured jar has by default (its application.yaml)."""
    import zipfile
    text = zipfile.ZipFile(JAR).read("BOOT-INF/classes/application.yaml").decode("utf-8")
    return int(re.search(r"consumers: \$\{HUB_DOSSIER_CONSUMERS:(\d+)\}", text).group(1))


def parse_time(text):
    whole, _, frac = text.rstrip("Z").partition(".")
    return datetime.datetime.fromisoformat(whole + "+00:00").timestamp() + float("0." + (frac or "0"))


# ------------------------------------------------------------------------------------------------ the run
def main():
    if not JAR or not os.path.exists(JAR):
        sys.exit("no hub jar (start with bench/run.sh)")
    RESULTS["machine_start"] = machine()
    RESULTS["jar"] = os.path.relpath(JAR, ROOT)
    try:
        RESULTS["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                           text=True).stdout.strip()
    except Exception:
        pass
    log("bench run %s, mode %s, scenarios %s, pinned %s, load %s" % (STAMP, MODE, " ".join(SCEN), bool(PIN),
                                                                    " ".join(RESULTS["machine_start"]["loadavg"])))
    need_main = any(s in SCEN for s in ("P1", "P2", "P3", "P4", "P5", "P7"))
    backend = portal = land = tax = None
    if need_main or "P6" in SCEN:
        backend = simulator("backend-population", "population")
    if need_main or "P8" in SCEN or "G2" in SCEN:
        portal = simulator("portal", "national-portal", delay=1)
    if "P3" in SCEN:
        land = simulator("backend-land", "land")
        tax = simulator("backend-tax", "tax")
    if need_main:
        env = {"HUB_POPULATION_URL": backend.url, "HUB_PORTAL_URL": portal.url}
        if land:
            env.update({"HUB_LAND_URL": land.url, "HUB_TAX_URL": tax.url})
        # delivery paused (its route not started): P4 measures the durable ingest alone, as the baseline producer
        # does; the drain is P8's, on hubs of its own
        h = hub("hub", env=env, args=[NO_DELIVERY], profile_start="P7" in SCEN)
        time.sleep(3)
        idle_rss, idle_threads = h.rss_mb(), h.threads()
        ng = nginx("nginx", backend.port)
        if "P1" in SCEN or "P2" in SCEN:
            p1_p2(h, ng, backend, "h2")
        if "P3" in SCEN:
            p3(h, [backend, land, tax])
        if "P4" in SCEN:
            p4(h, "h2")
        if "P5" in SCEN:
            p5(h, backend, env)
        if "P7" in SCEN:
            if not any(s in SCEN for s in ("P1", "P2", "P4")):
                wrk(h.url, lua_static("lookup-hub", "POST", "/api/v1/citizens/lookup", HUB_HEADERS, LOOKUP_BODY), 16, D,
                    sut=h, label="load for P7")
            loaded_rss, loaded_threads = h.rss_mb(), h.threads()
            RESULTS["details"]["P7"] = {"ready_s": h.ready_seconds, "rss_idle_mb": idle_rss, "rss_loaded_mb": loaded_rss,
                                        "threads_idle": idle_threads, "threads_loaded": loaded_threads}
        h.stop()
        if "P7" in SCEN:
            c = p7_cds(backend)
            d = RESULTS["details"]["P7"]
            if c:
                time.sleep(3)
                d.update({"cds_ready_s": c.ready_seconds, "cds_rss_idle_mb": c.rss_mb()})
                c.stop()
            row("P7", "start to readiness (jar; baseline: extracted jar + CDS)", rnd(d["ready_s"], 1),
                rnd(d.get("cds_ready_s"), 1), rnd(d["ready_s"] / d["cds_ready_s"], 2) if d.get("cds_ready_s") else None,
                "≤ 10 s", "s")
            sized = p7_container(backend, portal)
            d["container"] = sized
            row("P7", "resident memory idle / after load, JVM sized as in the Kubernetes manifest (2 GiB limit)",
                "%.0f / %.0f" % (sized["rss_idle_mb"], sized["rss_loaded_mb"]), "", "", "≤ 400 / ≤ 600 MB", "MB",
                "-XX:MaxRAM=2g -XX:MaxRAMPercentage=75; threads %d idle, %d after load" % (
                    sized["threads_idle"], sized["threads_loaded"]))
            aot = p7_aot(backend)
            if aot:
                d["aot"] = aot
                if aot.get("aot_ready_s"):
                    row("P7", "start to readiness, JDK %d: extracted jar + AOT cache (baseline: the jar on JDK %d)" % (
                        aot["jdk"], aot["jdk"]), rnd(aot["aot_ready_s"], 1), rnd(aot["jar_ready_s"], 1),
                        rnd(aot["aot_ready_s"] / aot["jar_ready_s"], 2), "≤ 10 s", "s",
                        "cache %.0f MB; RSS idle %.0f MB (jar %.0f MB)" % (
                            aot["aot_cache_mb"], aot["aot_rss_idle_mb"], aot["jar_rss_idle_mb"]))
            row("P7", "resident memory idle / after load", "%.0f / %.0f" % (d["rss_idle_mb"], d["rss_loaded_mb"]),
                "", "", "≤ 400 / ≤ 600 MB", "MB", "threads %d idle, %d after load" % (d["threads_idle"], d["threads_loaded"]))
        if not a.no_pg and any(s in SCEN for s in ("P1", "P4")):
            if pg_available():
                hp = hub("hub-pg", env={"HUB_POPULATION_URL": backend.url, "HUB_PORTAL_URL": portal.url},
                         args=[NO_DELIVERY], db="pg")
                try:
                    if "P1" in SCEN:
                        p1_p2(hp, ng, backend, "pg")
                    if "P4" in SCEN:
                        p4(hp, "pg")
                finally:
                    hp.stop()
                    psql("DROP SCHEMA IF EXISTS %s_hubpg CASCADE" % PG_SCHEMA)
            else:
                log("PostgreSQL at %s:%s/%s does not answer: P1/P4 on PostgreSQL skipped" % (PG["host"], PG["port"], PG["db"]))
        ng.stop()
    if "P6" in SCEN or "G3" in SCEN:
        root, ids = land_root()
        big = simulator("backend-land-big", "land", root=root)
        if "P6" in SCEN:
            p6(big, ids)
        if "G3" in SCEN:
            g3(big, ids)
        big.stop()
    if "P8" in SCEN:
        p8(portal)
    if "G1" in SCEN:
        g1()
    if "G2" in SCEN:
        g2(portal)
    RESULTS["machine_end"] = machine()
    write()


def write():
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    base = os.path.join(ROOT, "bench", "results", STAMP)
    json.dump(RESULTS, open(base + ".json", "w"), indent=2, ensure_ascii=False)
    ms_, me = RESULTS["machine_start"], RESULTS["machine_end"]
    lines = ["Run %s (%s mode, commit %s): %d CPUs, %s, pinned %s; load average %s at start, %s at end." % (
        STAMP, MODE, RESULTS.get("commit", "?"), ms_["cpus"], ms_["java"], ms_["pinned"], " ".join(ms_["loadavg"]),
        " ".join(me["loadavg"])), "",
        "| scenario | measure | hub | baseline (same run) | hub ÷ baseline | target | unit | note |",
        "|---|---|---|---|---|---|---|---|"]
    for r in RESULTS["rows"]:
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % tuple(
            "" if r[k] is None else str(r[k]) for k in ("scenario", "measure", "hub", "baseline", "ratio", "target", "unit", "note")))
    if PROFILES:
        RESULTS["profiles"] = [{"label": l, **s} for l, s in PROFILES]
        json.dump(RESULTS, open(base + ".json", "w"), indent=2, ensure_ascii=False)
        lines += ["", "Profiled run (JFR settings=profile on every measured hub run): the figures carry the profiler's "
                  "cost. Shares of the hub's execution samples:", ""]
        for l, s in PROFILES:
            lines += ["**%s** (%d samples, `%s`)" % (l, s["samples"], s["file"]), "",
                      "| running (self) | on the stack (inclusive) | for the hub's method | thread |", "|---|---|---|---|"]
            for i in range(10):
                cell = lambda sec: ("%s %.1f %%" % tuple(s[sec][i])) if i < len(s[sec]) else ""
                lines.append("| %s | %s | %s | %s |" % (cell("self"), cell("inclusive"), cell("hub"), cell("threads")))
            lines.append("")
    open(base + ".md", "w").write("\n".join(lines) + "\n")
    print("\n".join(lines))
    print("\nwritten: %s.json, %s.md" % (os.path.relpath(base, ROOT), os.path.relpath(base, ROOT)))


if __name__ == "__main__":
    # a run stopped with SIGTERM (kill, a CI timeout) still stops the processes it started: the exit runs cleanup()
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        main()
    except Exception as e:
        RESULTS["error"] = str(e)
        RESULTS["machine_end"] = machine()
        write()
        log("run failed: %s (logs in %s)" % (e, RUN))
        a.keep = True
        raise
    finally:
        cleanup()
        if not a.keep:
            shutil.rmtree(RUN, ignore_errors=True)
        else:
            log("run directory kept: %s" % RUN)
