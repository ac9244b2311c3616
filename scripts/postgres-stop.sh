#!/usr/bin/env bash
# Stops and removes a cluster made by scripts/postgres-start.sh:  bash scripts/postgres-stop.sh DIR
set -euo pipefail
dir=${1:?usage: postgres-stop.sh DIR}
[ -d "$dir/data" ] || exit 0
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  as_user=(runuser -u "$(stat -c %U "$dir")" --)
fi
"${as_user[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
rm -rf "$dir"
