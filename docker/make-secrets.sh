#!/usr/bin/env bash
# Makes the secret files of a production deployment in docker/secrets/ (or the folder given), one setting per file,
# named as the environment variable the hub reads (the hub's prod profile reads every file of HUB_SECRETS_DIR as a
# setting, docs/production.md). Existing files are kept, so running it again changes nothing.
#   docker/make-secrets.sh [folder]
# Generated here: database and broker passwords, the dossier integrity key, the audit subject key, the body encryption
# key, the checkpoint key pair (Ed25519 PEM), the seal key and certificate, the broker's user file. Issued by the national systems and given through
# the environment when this runs (a placeholder otherwise, which the systems will refuse): HUB_POPULATION_ACCESS_KEY,
# HUB_PORTAL_PASSWORD, and each agency system's broker password AGENCY_MOTCUA_PASSWORD (its API key).
set -euo pipefail
DIR=${1:-$(dirname "$0")/secrets}
mkdir -p "$DIR"
chmod 700 "$DIR"
umask 077

put() { # name value
  if [ ! -s "$DIR/$1" ]; then printf '%s' "$2" > "$DIR/$1"; echo "wrote $DIR/$1"; fi
}
random() { openssl rand -base64 "${1:-32}" | tr -d '\n'; }

put HUB_DB_PASSWORD "$(random 24)"
put HUB_BROKER_PASSWORD "$(random 24)"
put HUB_DOSSIER_INTEGRITY_KEY "$(random 32)"
put HUB_AUDIT_SUBJECT_KEY "$(random 32)"
put HUB_AUDIT_BODY_ENCRYPTION_KEY "$(random 32)"
put HUB_POPULATION_ACCESS_KEY "${HUB_POPULATION_ACCESS_KEY:-replace-with-the-key-issued-by-the-population-database}"
put HUB_PORTAL_PASSWORD "${HUB_PORTAL_PASSWORD:-replace-with-the-password-issued-by-the-national-portal}"

# The hub's seal (docs/signatures.md): a seal authority and the seal certificate it issues, EC P-256. The authority's
# key is not kept; where the province's certification authority issues the seal, put its key and certificate here.
if [ ! -s "$DIR/seal-private.pem" ]; then
  WORK=$(mktemp -d)
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$WORK/ca.key" -out "$DIR/hub-seal-ca.pem" \
    -days 3650 -subj "/C=VN/O=LienThong Hub/CN=LienThong Hub seal authority" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$DIR/seal-private.pem" -out "$WORK/seal.csr" \
    -subj "/C=VN/O=LienThong Hub/CN=LienThong Hub seal" 2>/dev/null
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n' > "$WORK/seal.ext"
  openssl x509 -req -in "$WORK/seal.csr" -CA "$DIR/hub-seal-ca.pem" -CAkey "$WORK/ca.key" -set_serial "0x$(openssl rand -hex 16)" \
    -days 1825 -extfile "$WORK/seal.ext" -out "$DIR/seal-certificate.pem" 2>/dev/null
  rm -rf "$WORK"
  echo "wrote $DIR/seal-private.pem, seal-certificate.pem and hub-seal-ca.pem (give hub-seal-ca.pem to whoever verifies seals)"
fi

if [ ! -s "$DIR/checkpoint-private.pem" ]; then
  openssl genpkey -algorithm ed25519 -out "$DIR/checkpoint-private.pem"
  openssl pkey -in "$DIR/checkpoint-private.pem" -pubout -out "$DIR/checkpoint-public.pem"
  echo "wrote $DIR/checkpoint-private.pem and checkpoint-public.pem (keep the public key for the auditors)"
fi

# The broker's accounts: the hub, and each agency system (role agency, artemis-roles.properties).
if [ ! -s "$DIR/artemis-users.properties" ]; then
  {
    echo "hub = $(cat "$DIR/HUB_BROKER_PASSWORD")"
    echo "000.00.00.H22\\:MOTCUA = ${AGENCY_MOTCUA_PASSWORD:-$(random 24)}"
  } > "$DIR/artemis-users.properties"
  echo "wrote $DIR/artemis-users.properties"
fi
# Files the containers read as users other than root (postgres 999, artemis 1001, hub 10001): readable, folder private.
chmod 644 "$DIR"/*
