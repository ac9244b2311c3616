#!/usr/bin/env bash
# The test command behind `make test`: the whole suite, against the real model, database, server,
# browser and Spark session.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
exec .venv/bin/pytest "$@"
