#!/usr/bin/env bash
# Writes the Python lock from pyproject.toml: every package, direct and transitive, pinned
# with the SHA-256 of each of its files on the package index.
#   scripts/lock.sh                        re-lock after editing pyproject.toml; every version
#                                          already locked is kept where it still fits
#   scripts/lock.sh --upgrade              take the newest release of every unpinned package
#   scripts/lock.sh --upgrade-package NAME take the newest release of NAME only
# Then run scripts/test.sh and commit requirements/*.txt with pyproject.toml.
#
# requirements/main.txt   what a server installs (thidua and its build tools)
# requirements/test.txt   main.txt's versions plus the test tools
# requirements/tools.txt  pip-tools itself, which this script installs into a throwaway venv
set -euo pipefail
cd "$(dirname "$0")/.."
python_bin="${THIDUA_PYTHON:-python3}"
work="$(mktemp -d -t thidua-lock.XXXXXX)"
trap 'rm -rf "$work"' EXIT
"$python_bin" -m venv "$work/venv"
"$work/venv/bin/pip" install -q --require-hashes --no-deps -r requirements/tools.txt

compile=(
  "$work/venv/bin/pip-compile" --quiet --generate-hashes --allow-unsafe --strip-extras
  --no-emit-index-url --no-emit-find-links --no-emit-trusted-host
  "$@"
)
export CUSTOM_COMPILE_COMMAND="scripts/lock.sh"
if [ "${1:-}" = "--tools" ]; then
  # Re-lock pip-tools itself (after editing requirements/tools.in).
  "${compile[@]:0:${#compile[@]}-1}" -o requirements/tools.txt requirements/tools.in
  exit 0
fi
"${compile[@]}" -o requirements/main.txt pyproject.toml requirements/build.in
# The test lock takes main.txt as constraints: a server and CI run the same versions.
"${compile[@]}" --extra test --constraint requirements/main.txt \
  -o requirements/test.txt pyproject.toml requirements/build.in
echo "requirements/main.txt and requirements/test.txt written; now run scripts/test.sh."
