# Shared by bench/two-instances.sh and bench/broker-failover.sh: a prod-profile stack on this machine, from the jar and
# the Artemis distribution (target/artemis), with settings and secrets exactly as in production (secret files read
# through HUB_SECRETS_DIR, docker/make-secrets.sh). Expects RUN_DIR, SCHEMA, JAR, ARTEMIS_HOME, PG_* to be set.
PIDS=""

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

psql_q() { # SQL in the run's schema; prints the bare result
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -tAq -c "SET search_path TO $SCHEMA; $1"
}

create_schema() {
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -qc "CREATE SCHEMA $SCHEMA"
}

drop_schema() {
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -qc "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
}

sha256() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }

make_secrets() {
  SECRETS="$RUN_DIR/secrets"
  mkdir -p "$SECRETS"
  # the portal account the simulator below accepts; the database password of this machine's server (trust: unused)
  printf '%s' "${PGPASSWORD:-unused-with-trust-auth}" > "$SECRETS/HUB_DB_PASSWORD"
  HUB_PORTAL_PASSWORD="bench-portal-$(openssl rand -hex 8)" HUB_POPULATION_ACCESS_KEY="bench-population-key" \
    bash docker/make-secrets.sh "$SECRETS" > "$RUN_DIR/make-secrets.log"
  MOTCUA_KEY="bench-motcua-$(openssl rand -hex 8)"
  AUDITOR_KEY="bench-auditor-$(openssl rand -hex 8)"
  OPERATOR_KEY="bench-operator-$(openssl rand -hex 8)"
  cat > "$RUN_DIR/clients.yaml" <<CLIENTS
hub:
  security:
    clients:
      - {id: "000.00.00.H22:MOTCUA", name: "Một cửa", api-key-sha256: "$(sha256 "$MOTCUA_KEY")", grants: ["data:*", "prefill:*", "dossier:*"]}
      - {id: "000.00.00.H22:KIEMTRA", name: "Thanh tra", api-key-sha256: "$(sha256 "$AUDITOR_KEY")", grants: ["audit:*", "dossier-report:*"]}
      - {id: "000.00.00.H22:VANHANH", name: "Vận hành", api-key-sha256: "$(sha256 "$OPERATOR_KEY")", grants: ["dossier-admin:*", "dossier-report:*", "operations:*"]}
CLIENTS
}

start_portal_simulator() {
  SIM_PORT=$(free_port)
  java -Xmx256m -cp "$JAR" -Dloader.main=vn.lienthong.hub.simulator.StandaloneSimulator \
    org.springframework.boot.loader.launch.PropertiesLauncher --port="$SIM_PORT" --username=lgsp-h22-bench \
    --password="$(cat "$SECRETS/HUB_PORTAL_PASSWORD")" --state="$RUN_DIR/portal-received.jsonl" > "$RUN_DIR/simulator.log" 2>&1 &
  SIM_PID=$!; PIDS="$PIDS $SIM_PID"
}

# start_broker NAME PORT [extra artemis create options...]: an instance with the project's broker.xml, users, roles
start_broker() {
  local name=$1 port=$2; shift 2
  local instance="$RUN_DIR/$name"
  "$ARTEMIS_HOME/bin/artemis" create "$instance" --silent --force --user hub --password "$(cat "$SECRETS/HUB_BROKER_PASSWORD")" \
    --role hub --require-login --no-web --no-autotune --nio --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor \
    --no-hornetq-acceptor --java-memory 512M "$@" > "$RUN_DIR/$name-create.log" 2>&1
  if [ -z "${BROKER_XML:-}" ]; then cp docker/artemis/broker.xml "$instance/etc/broker.xml"; else cp "$BROKER_XML" "$instance/etc/broker.xml"; fi
  cp docker/artemis/artemis-roles.properties "$instance/etc/artemis-roles.properties"
  cp "$SECRETS/artemis-users.properties" "$instance/etc/artemis-users.properties"
  JAVA_ARGS_APPEND="-Dhub.broker.host=127.0.0.1 -Dhub.broker.port=$port -Dhub.broker.name=$name ${BROKER_JAVA_ARGS:-}" \
    "$instance/bin/artemis" run > "$RUN_DIR/$name.log" 2>&1 &
  BROKER_PID=$!; PIDS="$PIDS $BROKER_PID"
  BROKER_PORT=$port
  if [ "${WAIT_ACTIVE:-1}" = 1 ]; then
    for _ in $(seq 1 120); do grep -q AMQ221007 "$RUN_DIR/$name.log" 2>/dev/null && return 0; sleep 1; done
    echo "broker $name did not start; see $RUN_DIR/$name.log" >&2; exit 2
  fi
}

# start_hub NAME PORT: the hub's jar in the prod profile; HUB_BROKER_URL must be set
start_hub() {
  local name=$1 port=$2
  SPRING_PROFILES_ACTIVE=prod HUB_SECRETS_DIR="$SECRETS" SPRING_CONFIG_ADDITIONAL_LOCATION="file:$RUN_DIR/clients.yaml" \
  HUB_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?currentSchema=$SCHEMA" HUB_DB_USER="$PG_USER" \
  HUB_BROKER_URL="$HUB_BROKER_URL" HUB_BROKER_USER=hub \
  HUB_AUDIT_SIGNING_PRIVATE_KEY="$SECRETS/checkpoint-private.pem" HUB_AUDIT_SIGNING_PUBLIC_KEY="$SECRETS/checkpoint-public.pem" \
  HUB_SEAL_PRIVATE_KEY="$SECRETS/seal-private.pem" HUB_SEAL_CERTIFICATE="$SECRETS/seal-certificate.pem" \
  HUB_SEAL_CA_CERTIFICATE="$SECRETS/hub-seal-ca.pem" \
  HUB_AUDIT_RETENTION="${RETENTION:-5s}" HUB_AUDIT_ARCHIVE_CHECK_PERIOD=5s HUB_AUDIT_ARCHIVE_DIR="$RUN_DIR/shared-archive" \
  HUB_AUDIT_CHECKPOINT_INTERVAL=100 HUB_AUDIT_CHECKPOINT_PERIOD=5s \
  HUB_POPULATION_URL="http://127.0.0.1:9" HUB_PORTAL_URL="http://127.0.0.1:$SIM_PORT" HUB_PORTAL_USERNAME=lgsp-h22-bench \
  HUB_PORTAL_AGENCY_CODE=000.00.00.H22 HUB_ADMIN_UNITS_FILE="${HUB_ADMIN_UNITS_FILE:-$PWD/src/main/resources/reference/admin-units-sample.csv}" HUB_PORT="$port" HUB_INSTANCE_ID="$name" HUB_DATA_DIR="$RUN_DIR/$name" HUB_BROKER_PORT=0 \
    java -Xmx512m -jar "$JAR" >> "$RUN_DIR/$name.log" 2>&1 &
  HUB_PID=$!; PIDS="$PIDS $HUB_PID"
}

wait_ready() { # NAME PORT
  for _ in $(seq 1 300); do
    if curl -fs "http://127.0.0.1:$2/actuator/health/readiness" > /dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "$1 did not become ready; see $RUN_DIR/$1.log" >&2
  tail -30 "$RUN_DIR/$1.log" >&2
  exit 2
}

arrivals() {
  curl -fs "http://127.0.0.1:$SIM_PORT/__portal/received" | python3 -c 'import json,sys; print(json.load(sys.stdin)["arrivals"])'
}

stop_all() {
  local reversed=""
  for pid in $PIDS; do reversed="$pid $reversed"; done
  PIDS=$reversed  # the load and the hubs before the broker and the simulator
  for pid in $PIDS; do kill "$pid" 2>/dev/null || true; done
  sleep 2
  # the brokers' java processes are children of their launch scripts
  for pid in $PIDS; do pkill -9 -P "$pid" 2>/dev/null || true; kill -9 "$pid" 2>/dev/null || true; done
}
