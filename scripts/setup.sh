#!/usr/bin/env bash
# Installs what thidua needs on a Debian machine, then the Python and npm packages.
#   scripts/setup.sh           runtime (demo)
#   scripts/setup.sh --test    runtime + test tools (Chromium, PostgreSQL, pytest ...)
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-}"

need=()
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
python3 -c "import venv, ensurepip" 2>/dev/null || need+=(python3-venv)
# Official documents: DOCX → PDF through LibreOffice, Times New Roman metrics.
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || need+=(fonts-liberation2)
# The editor's preview draws the PDF's pages (pdftoppm); the tests read PDF text.
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# Visible signature stamps (pyHanko): an OTF Times clone with 1000 units per em.
[ -f /usr/share/texmf/fonts/opentype/public/tex-gyre/texgyretermes-regular.otf ] || need+=(fonts-texgyre)
if [ "$mode" = "--test" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } || need+=(postgresql)
fi
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> apt-get install ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "Thiếu gói hệ thống: ${need[*]} (cần quyền root để cài bằng apt-get)." >&2
    exit 1
  fi
fi

python_bin="${THIDUA_PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "==> python -m venv .venv"
  "$python_bin" -m venv .venv
fi
# Python packages come from the lock alone (requirements/*.txt, written by scripts/lock.sh):
# every package pinned with its hashes, no resolution, no build tool from outside the lock.
# The test lock is the runtime lock plus the test tools, so a venv set up for the tests
# also serves the demo.
profile=main
[ "$mode" = "--test" ] && profile=test
stamp_of() { cat "requirements/$1.txt" pyproject.toml | sha256sum | cut -d' ' -f1; }
installed="$(cat .venv/.thidua-lock 2>/dev/null || true)"
if [ "$installed" != "$profile $(stamp_of "$profile")" ] &&
   { [ "$profile" = test ] || [ "$installed" != "test $(stamp_of test)" ]; }; then
  echo "==> pip install -r requirements/$profile.txt (hashes checked)"
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes \
    --no-deps --only-binary :all: -r "requirements/$profile.txt"
  # Whatever an earlier lock installed and this one no longer lists goes away.
  .venv/bin/python scripts/lock_sync.py "requirements/$profile.txt"
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps \
    --no-build-isolation --no-index -e .
  echo "$profile $(stamp_of "$profile")" > .venv/.thidua-lock
fi

lock="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f node_modules/.thidua-lock ] || [ "$(cat node_modules/.thidua-lock)" != "$lock" ]; then
  echo "==> npm ci"
  npm ci --no-audit --no-fund --silent
  echo "$lock" > node_modules/.thidua-lock
fi
