#!/usr/bin/env bash
# PostgreSQL for the store tests: installs Debian's postgresql when missing, starts a
# cluster on 127.0.0.1 (trust auth, run as the postgres user), creates the test database.
# Idempotent: safe to run when the server is already up.
# Env: HOPTAC_PG_DIR (default /tmp/hoptac-pg), HOPTAC_PG_PORT (default 54329),
#      HOPTAC_PG_DB (default hoptac_test). The tests read HOPTAC_TEST_PG, which defaults to
#      postgresql+psycopg://postgres@127.0.0.1:54329/hoptac_test
set -euo pipefail

PGDIR="${HOPTAC_PG_DIR:-/tmp/hoptac-pg}"
PORT="${HOPTAC_PG_PORT:-54329}"
DB="${HOPTAC_PG_DB:-hoptac_test}"

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

if ! BIN="$(find_bin)"; then
  echo "postgres.sh: installing Debian postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends postgresql
  BIN="$(find_bin)"
fi

as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

mkdir -p "$PGDIR"
[ "$(id -u)" = 0 ] && chown postgres: "$PGDIR"
DATA="$PGDIR/data"

if [ ! -s "$DATA/PG_VERSION" ]; then
  as_pg "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi

if ! as_pg "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q; then
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$PGDIR/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PORT -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
fi

for _ in $(seq 1 60); do
  as_pg "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q && break
  sleep 0.5
done

if ! as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
  as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
fi
echo "postgres.sh: postgresql+psycopg://postgres@127.0.0.1:$PORT/$DB is up"
