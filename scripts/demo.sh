#!/usr/bin/env bash
# Sets everything up, loads the demo data and serves it at http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/thidua demo "$@"
