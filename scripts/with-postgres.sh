#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster on a free loopback port, runs the given command with
# TEST_DATABASE_URL (and DATABASE_URL for benchmarks) pointing at it, then stops and removes it.
# Usage: scripts/with-postgres.sh npm run test:store
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[[ -x "$PG_BIN/initdb" ]] || { echo "PostgreSQL 15 is not installed (apt-get install -y postgresql)" >&2; exit 1; }

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Tests trade durability for speed; PG_DURABLE=1 (benchmarks) keeps PostgreSQL's defaults.
durability=$([[ ${PG_DURABLE:-0} == 1 ]] && echo "" || echo "-c fsync=off -c synchronous_commit=off")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
dir=$(mktemp -d /tmp/switchboard-pg.XXXXXX)
[[ $(id -u) -eq 0 ]] && chown postgres "$dir"
user=$([[ $(id -u) -eq 0 ]] && echo postgres || id -un)

cleanup() {
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

as_postgres "$PG_BIN/initdb" -D "$dir/data" -U "$user" --auth=trust >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $durability" -w start >/dev/null
as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U "$user" switchboard_test

export TEST_DATABASE_URL="postgres://$user@127.0.0.1:$port/switchboard_test"
export DATABASE_URL="$TEST_DATABASE_URL"
echo "PostgreSQL 15 at $TEST_DATABASE_URL"
"$@"
