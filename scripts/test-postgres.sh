#!/usr/bin/env bash
# Installs (if needed) and starts a throw-away PostgreSQL server for the tests; prints its URL.
set -euo pipefail
PORT="${VAKANUVIS_PG_PORT:-55432}"
DATA="${VAKANUVIS_PG_DATA:-/tmp/vakanuvis-test-pg}"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib) >&2
  else
    sudo apt-get update -qq >&2 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >&2
  fi
fi
BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home "$DATA" postgres
  RUN_AS=(runuser -u postgres --)
fi
if ! "${RUN_AS[@]}" "$BIN/pg_isready" -q -h /tmp -p "$PORT" 2>/dev/null; then
  rm -rf "$DATA"
  mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$DATA"
  "${RUN_AS[@]}" "$BIN/initdb" -D "$DATA" -U vakanuvis --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${RUN_AS[@]}" "$BIN/pg_ctl" -s -D "$DATA" -l "$DATA/server.log" -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1" -w start >&2
fi
echo "postgresql://vakanuvis@127.0.0.1:$PORT/postgres"
