#!/usr/bin/env bash
# The test command behind `make test`: the whole suite, against the real model, database, server,
# browser and Spark session. A throwaway PostgreSQL cluster is started for the store tests (unless
# WHOSAID_TEST_POSTGRES already names a server) and removed at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
if [ -z "${WHOSAID_TEST_POSTGRES:-}" ]; then
  if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    eval "$(bash scripts/postgres-start.sh)"
    trap 'bash scripts/postgres-stop.sh "$WHOSAID_PG_DIR"' EXIT
  elif [ "${CI:-}" = "true" ]; then
    echo "run-tests: PostgreSQL is not installed; run scripts/system-deps.sh (CI needs it)" >&2
    exit 1
  fi
fi
.venv/bin/pytest "$@"
