#!/usr/bin/env bash
# Broker fail-over: a live/backup Artemis pair (replication) made from the project's docker/artemis/broker.xml with
# the pair's HA settings added, one hub in the prod profile connected with the HA URL (both brokers listed), load, then
# kill -9 of the live broker in the middle. The hub reconnects to the backup; counts at the (separate) national portal
# simulator that every accepted event arrived exactly once and in order per dossier.
# Usage: bench/broker-failover.sh [dossiers] [steps per dossier]     (N = dossiers x (steps + 1))
# Env: as bench/two-instances.sh (HUB_JAR, PG_*, KILL_AFTER, PARALLEL). Prints one JSON line.
set -euo pipefail
cd "$(dirname "$0")/.."

DOSSIERS=${1:-40}
STEPS=${2:-9}
N=$((DOSSIERS * (STEPS + 1)))
KILL_AFTER=${KILL_AFTER:-$((N / 2))}
PARALLEL=${PARALLEL:-8}
PG_HOST=${PG_HOST:-127.0.0.1}; PG_PORT=${PG_PORT:-5432}; PG_DB=${PG_DB:-test}; PG_USER=${PG_USER:-postgres}
RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/hub-failover-XXXXXX")
ACCEPTED="$RUN_DIR/accepted.txt"
SCHEMA="hub_failover_$(date +%s)_$$"
ARTEMIS_HOME=${ARTEMIS_HOME:-$(ls -d target/artemis/apache-artemis-* 2>/dev/null | head -1 || true)}
source bench/lib/prod-stack.sh

JAR=${HUB_JAR:-$(ls target/lienthong-hub-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$JAR" ] || [ -z "$ARTEMIS_HOME" ]; then
  ./mvnw -o -q -B -Pprod-it package -DskipTests
  JAR=$(ls target/lienthong-hub-*.jar | grep -v original | head -1)
  ARTEMIS_HOME=$(ls -d target/artemis/apache-artemis-* | head -1)
fi
echo "jar $JAR, broker $ARTEMIS_HOME, run directory $RUN_DIR, schema $SCHEMA, N=$N events ($DOSSIERS dossiers x $((STEPS + 1)))"

trap 'stop_all; drop_schema' EXIT
create_schema
make_secrets
start_portal_simulator

# The pair's broker.xml: the production file plus connectors to itself and its peer, a static cluster connection
# (replication travels over it, as the cluster user with a password of its own) and the HA policy.
PORT_LIVE=$(free_port); PORT_BACKUP=$(free_port)
CLUSTER_PASSWORD=$(openssl rand -hex 16)
pair_xml() { # ROLE (primary|backup) -> file
  python3 - "$1" "$RUN_DIR/broker-$1.xml" "$CLUSTER_PASSWORD" <<'PY'
import sys
role, out, password = sys.argv[1:4]
xml = open("docker/artemis/broker.xml", encoding="utf-8").read()
policy = ("<primary><check-for-active-server>true</check-for-active-server></primary>" if role == "primary"
          else "<backup><allow-failback>false</allow-failback></backup>")
ha = f"""
      <connectors>
         <connector name="self">tcp://${{hub.broker.host:127.0.0.1}}:${{hub.broker.port}}</connector>
         <connector name="peer">tcp://127.0.0.1:${{hub.broker.peer-port}}</connector>
      </connectors>
      <cluster-user>cluster</cluster-user>
      <cluster-password>{password}</cluster-password>
      <cluster-connections>
         <cluster-connection name="pair">
            <connector-ref>self</connector-ref>
            <message-load-balancing>OFF</message-load-balancing>
            <max-hops>0</max-hops>
            <static-connectors><connector-ref>peer</connector-ref></static-connectors>
         </cluster-connection>
      </cluster-connections>
      <ha-policy><replication>{policy}</replication></ha-policy>
   </core>"""
open(out, "w", encoding="utf-8").write(xml.replace("   </core>", ha, 1))
PY
}
pair_xml primary; pair_xml backup

BROKER_XML="$RUN_DIR/broker-primary.xml" BROKER_JAVA_ARGS="-Dhub.broker.peer-port=$PORT_BACKUP" start_broker live "$PORT_LIVE"
LIVE_PID=$BROKER_PID
BROKER_XML="$RUN_DIR/broker-backup.xml" BROKER_JAVA_ARGS="-Dhub.broker.peer-port=$PORT_LIVE" WAIT_ACTIVE=0 \
  start_broker backup "$PORT_BACKUP"
BACKUP_PID=$BROKER_PID
for _ in $(seq 1 120); do grep -q "AMQ221024" "$RUN_DIR/backup.log" 2>/dev/null && break; sleep 1; done
grep -q "AMQ221024" "$RUN_DIR/backup.log" || { echo "backup did not synchronise; see $RUN_DIR/backup.log" >&2; exit 2; }
echo "live broker :$PORT_LIVE (pid $LIVE_PID), backup :$PORT_BACKUP (pid $BACKUP_PID) synchronised"

HUB_BROKER_URL="(tcp://127.0.0.1:$PORT_LIVE,tcp://127.0.0.1:$PORT_BACKUP)?ha=true&reconnectAttempts=-1&retryInterval=500&retryIntervalMultiplier=1.5&maxRetryInterval=5000"
PORT_HUB=$(free_port)
start_hub hub-1 "$PORT_HUB"
wait_ready hub-1 "$PORT_HUB"
echo "hub up (:$PORT_HUB), broker URL $HUB_BROKER_URL"

python3 bench/dossier_load.py --url "http://127.0.0.1:$PORT_HUB" --key "$MOTCUA_KEY" --dossiers "$DOSSIERS" \
  --steps "$STEPS" --parallel "$PARALLEL" --out "$ACCEPTED" --day 250303 > "$RUN_DIR/load.log" 2>&1 &
LOAD_PID=$!; PIDS="$PIDS $LOAD_PID"
while [ "$( { [ -f "$ACCEPTED" ] && wc -l < "$ACCEPTED"; } || echo 0)" -lt "$KILL_AFTER" ]; do
  kill -0 "$LOAD_PID" 2>/dev/null || break
  sleep 0.2
done
DELIVERED_AT_KILL=$(arrivals)
kill -9 "$LIVE_PID"
KILLED_AT=$(wc -l < "$ACCEPTED")
echo "SIGKILL sent to the live broker after $KILLED_AT accepted events ($DELIVERED_AT_KILL delivered so far)"
for _ in $(seq 1 60); do grep -q "AMQ221007" "$RUN_DIR/backup.log" && break; sleep 1; done
echo "backup: $(grep -o 'AMQ221007[^,]*' "$RUN_DIR/backup.log" | head -1 || echo 'not active')"

wait "$LOAD_PID" || true
cat "$RUN_DIR/load.log"
for _ in $(seq 1 600); do
  [ "$(arrivals)" -ge "$(wc -l < "$ACCEPTED")" ] && break
  sleep 1
done
sleep 3
echo "hub log: $(grep -c 'Failed delivery' "$RUN_DIR/hub-1.log" || true) accept attempts failed at the switch (resent by the client)," \
  "$(grep -c 'rolled back on failover' "$RUN_DIR/hub-1.log" || true) delivery transactions rolled back on failover (redelivered)"

echo "result:"
CHECK=$(python3 bench/dossier_check.py "$ACCEPTED" "http://127.0.0.1:$SIM_PORT") || true
echo "$CHECK" | python3 -c "
import json, sys
r = json.loads(sys.stdin.read())
r.update({'killedAfterAccepted': $KILLED_AT, 'deliveredAtKill': $DELIVERED_AT_KILL})
print(json.dumps(r))
sys.exit(0 if r['missing'] == 0 and r['duplicates'] == 0 and r['orderViolations'] == 0 else 1)" | tee "$RUN_DIR/result.json"
