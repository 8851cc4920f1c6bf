#!/usr/bin/env bash
# Two hub instances in the prod profile on one PostgreSQL schema and one standalone Artemis broker (the project's
# docker/artemis/broker.xml), load on both, kill -9 of one in the middle. Counts at the (separate) national portal
# simulator that every accepted event arrived exactly once and in order per dossier, checks that the message-log
# chain written by both instances verifies, and that archiving ran on one instance at a time into the shared folder.
# Usage: bench/two-instances.sh [dossiers] [steps per dossier]     (N = dossiers x (steps + 1))
# Env: HUB_JAR, PG_HOST (127.0.0.1), PG_PORT (5432), PG_DB (test), PG_USER (postgres), PGPASSWORD,
#      KILL_AFTER (events accepted before the kill; N/2), PARALLEL (8), KEEP_SCHEMA (1 keeps the schema)
# Needs the Artemis distribution: ./mvnw -Pprod-it process-test-resources (target/artemis). Prints one JSON line.
set -euo pipefail
cd "$(dirname "$0")/.."

DOSSIERS=${1:-40}
STEPS=${2:-9}
N=$((DOSSIERS * (STEPS + 1)))
KILL_AFTER=${KILL_AFTER:-$((N / 2))}
PARALLEL=${PARALLEL:-8}
PG_HOST=${PG_HOST:-127.0.0.1}; PG_PORT=${PG_PORT:-5432}; PG_DB=${PG_DB:-test}; PG_USER=${PG_USER:-postgres}
RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/hub-two-XXXXXX")
ACCEPTED="$RUN_DIR/accepted.txt"
SCHEMA="hub_two_$(date +%s)_$$"
ARTEMIS_HOME=${ARTEMIS_HOME:-$(ls -d target/artemis/apache-artemis-* 2>/dev/null | head -1 || true)}
source bench/lib/prod-stack.sh

JAR=${HUB_JAR:-$(ls target/lienthong-hub-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$JAR" ] || [ -z "$ARTEMIS_HOME" ]; then
  ./mvnw -o -q -B -Pprod-it package -DskipTests
  JAR=$(ls target/lienthong-hub-*.jar | grep -v original | head -1)
  ARTEMIS_HOME=$(ls -d target/artemis/apache-artemis-* | head -1)
fi
echo "jar $JAR, broker $ARTEMIS_HOME, run directory $RUN_DIR, schema $SCHEMA, N=$N events ($DOSSIERS dossiers x $((STEPS + 1)))"

trap 'stop_all; [ "${KEEP_SCHEMA:-0}" = 1 ] || drop_schema' EXIT
create_schema
make_secrets
start_portal_simulator
start_broker broker "$(free_port)"
HUB_BROKER_URL="tcp://127.0.0.1:$BROKER_PORT"

PORT_A=$(free_port); PORT_B=$(free_port)
start_hub hub-a "$PORT_A"; PID_A=$HUB_PID
start_hub hub-b "$PORT_B"; PID_B=$HUB_PID
wait_ready hub-a "$PORT_A"; wait_ready hub-b "$PORT_B"
echo "hubs up: hub-a (pid $PID_A, :$PORT_A), hub-b (pid $PID_B, :$PORT_B); broker :$BROKER_PORT; portal :$SIM_PORT"

python3 bench/dossier_load.py --url "http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B" --key "$MOTCUA_KEY" \
  --dossiers "$DOSSIERS" --steps "$STEPS" --parallel "$PARALLEL" --out "$ACCEPTED" --day 250302 > "$RUN_DIR/load.log" 2>&1 &
LOAD_PID=$!; PIDS="$PIDS $LOAD_PID"

while [ "$( { [ -f "$ACCEPTED" ] && wc -l < "$ACCEPTED"; } || echo 0)" -lt "$KILL_AFTER" ]; do
  kill -0 "$LOAD_PID" 2>/dev/null || break
  sleep 0.2
done
DELIVERED_AT_KILL=$(arrivals)
kill -9 "$PID_A"
KILLED_AT=$(wc -l < "$ACCEPTED")
echo "SIGKILL sent to hub-a after $KILLED_AT accepted events ($DELIVERED_AT_KILL delivered so far); hub-b goes on alone"
wait "$PID_A" 2>/dev/null || true

wait "$LOAD_PID" || true
cat "$RUN_DIR/load.log"
for _ in $(seq 1 600); do
  [ "$(arrivals)" -ge "$(wc -l < "$ACCEPTED")" ] && break
  sleep 1
done
sleep 3  # anything delivered twice would arrive now

echo "message log:"
VERIFY=$(curl -fs "http://127.0.0.1:$PORT_B/api/v1/audit/verify" -H "X-API-Key: $AUDITOR_KEY")
VALID=$(echo "$VERIFY" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(str(r["valid"]).lower())')
WRITERS=$(psql_q "SELECT string_agg(hub_instance || '=' || n, ' ') FROM (SELECT hub_instance, count(*) n FROM message_log GROUP BY 1 ORDER BY 1) t")
echo "  chain valid: $VALID; records per instance in the database: $WRITERS"
echo "archiving (shared folder $RUN_DIR/shared-archive):"
for _ in $(seq 1 30); do [ "$(psql_q "SELECT count(*) FROM audit_archive")" -gt 0 ] && break; sleep 1; done
ARCHIVED=$(psql_q "SELECT coalesce(sum(record_count), 0) FROM audit_archive")
LOCK=$(psql_q "SELECT coalesce(string_agg(locked_by, ','), '') FROM shedlock")
ARCHIVE_OK=true
if [ "$ARCHIVED" -gt 0 ]; then
  java -cp "$JAR" -Dloader.main=vn.lienthong.hub.audit.chain.OfflineVerifier org.springframework.boot.loader.launch.PropertiesLauncher \
    "$RUN_DIR/shared-archive/manifest.json" "$SECRETS/checkpoint-public.pem" > "$RUN_DIR/archive-verify.txt" 2>&1 || ARCHIVE_OK=false
  tail -3 "$RUN_DIR/archive-verify.txt" | sed 's/^/  /'
fi
RUNS_A=$(grep -c "Archived message log records" "$RUN_DIR/hub-a.log" || true)
RUNS_B=$(grep -c "Archived message log records" "$RUN_DIR/hub-b.log" || true)
ARCHIVED_BY=$(cat "$RUN_DIR"/shared-archive/*.jsonl 2>/dev/null | python3 -c '
import collections, json, sys
c = collections.Counter(json.loads(l).get("hubInstance") for l in sys.stdin if "\"type\":\"record\"" in l)
print(" ".join("%s=%d" % (k, v) for k, v in sorted(c.items())))')
echo "  $ARCHIVED records archived ($RUNS_A files by hub-a, $RUNS_B by hub-b), lock last held by: $LOCK"
echo "  records per instance in the archive: $ARCHIVED_BY"

echo "result:"
CHECK=$(python3 bench/dossier_check.py "$ACCEPTED" "http://127.0.0.1:$SIM_PORT") || true
echo "$CHECK" | python3 -c "
import json, sys
r = json.loads(sys.stdin.read())
r.update({'killedAfterAccepted': $KILLED_AT, 'deliveredAtKill': $DELIVERED_AT_KILL, 'chainValid': '$VALID' == 'true',
          'archivedRecords': $ARCHIVED, 'archiveVerifies': '$ARCHIVE_OK' == 'true'})
print(json.dumps(r))
ok = r['missing'] == 0 and r['duplicates'] == 0 and r['orderViolations'] == 0 and r['chainValid'] and r['archiveVerifies']
sys.exit(0 if ok else 1)" | tee "$RUN_DIR/result.json"
