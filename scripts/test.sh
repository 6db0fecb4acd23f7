#!/usr/bin/env bash
# Runs the whole test suite: lint, migrations check, deploy check, then pytest on
# SQLite and on a PostgreSQL server this script starts in a temporary folder.
# Extra arguments go to pytest (e.g. scripts/test.sh -k import).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$PWD/.venv/bin:$PATH"
export DJANGO_SETTINGS_MODULE=thidua.settings.test
status=0

echo "==> ruff"
ruff check src tests bench scripts
ruff format --check src tests bench scripts

echo "==> djhtml (template indentation)"
djhtml --check src/thidua/templates

echo "==> lint-imports (one-way layers, pyproject.toml)"
lint-imports --no-cache --no-logo

echo "==> makemigrations --check"
django-admin makemigrations --check --dry-run >/dev/null

echo "==> check --deploy (production settings)"
THIDUA_PRODUCTION=true THIDUA_SECRET_KEY="$(python -c 'import secrets;print(secrets.token_urlsafe(64))')" \
  THIDUA_ALLOWED_HOSTS=thidua.example.gov.vn THIDUA_DATA_DIR="$(mktemp -d)" \
  DJANGO_SETTINGS_MODULE=thidua.settings.base thidua check --deploy --fail-level WARNING

echo "==> pytest (SQLite)"
python -m pytest -n 2 -q "$@" || status=$?

echo "==> pytest (PostgreSQL)"
pgbin="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
pgdir="$(mktemp -d -t thidua-pg.XXXXXX)"
port=$(( 25000 + RANDOM % 10000 ))
as_pg=()
if [ "$(id -u)" = "0" ]; then
  chown postgres "$pgdir"
  as_pg=(runuser -u postgres --)
fi
cleanup() { "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap cleanup EXIT
"${as_pg[@]}" "$pgbin/initdb" -D "$pgdir/data" -U thidua --auth=trust --encoding=UTF8 \
  --locale=C.UTF-8 --data-checksums >/dev/null
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -w -l "$pgdir/log" \
  -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null
THIDUA_DATABASE_URL="postgres://thidua@127.0.0.1:$port/thidua" \
  python -m pytest -n 2 -q "$@" || status=$?

exit $status
