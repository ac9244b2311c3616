#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests: a fresh data directory under a temp dir, listening
# on 127.0.0.1 at a free port, run as a non-root user (PostgreSQL refuses to run as root).
# Prints shell assignments; use:  eval "$(bash scripts/postgres-start.sh)"  and later
#   bash scripts/postgres-stop.sh "$WHOSAID_PG_DIR"
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/pg_ctl" ]; then
  echo "postgres-start: PostgreSQL is not installed (Debian package 'postgresql'; run scripts/system-deps.sh)" >&2
  exit 1
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-pg.XXXXXX")
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  user=postgres
  id -u "$user" >/dev/null 2>&1 || user=nobody
  chown "$user" "$dir"
  chmod 700 "$dir"
  as_user=(runuser -u "$user" --)
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as_user[@]}" "$bindir/initdb" -D "$dir/data" -U whosaid --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
# fsync off: a throwaway test cluster, speed over durability.
"${as_user[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $port -k $dir -F -c max_connections=200" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
"${as_user[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U whosaid whosaid
echo "export WHOSAID_PG_DIR='$dir'"
echo "export WHOSAID_TEST_POSTGRES='postgresql://whosaid@127.0.0.1:$port/whosaid'"
