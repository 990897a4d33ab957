#!/usr/bin/env bash
# Checks a published round's open data with the other side's own tools: `frictionless validate`
# on the data package, pysdmx on the SDMX messages.
#
#   Tests/OpenData/run.sh [COUNTED_BIN] [pytest arguments...]
#
# COUNTED_BIN (first argument, or the environment variable) is the built `counted` binary; the
# tests seed the demo with `counted serve --demo` on a temporary SQLite database and export its
# rounds with `counted export`. Without it they use .build/debug/counted.
#
# Creates .venv-opendata in the project root on first use (frictionless, pysdmx, pytest).
# The exit code is pytest's.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"
venv="$project/.venv-opendata"
source "$project/scripts/lib/counted-bin.sh"
export COUNTED_BIN="${COUNTED_BIN:-$project/.build/debug/counted}"

# Pinned: the checkers must not move under the tests.
source "$project/scripts/lib/pinned-venv.sh"
pinned_venv "$venv" "frictionless==5.21.0" "pysdmx==1.21.0" "pytest==9.2.0"

export PYTHONDONTWRITEBYTECODE=1
export PATH="$venv/bin:$PATH"
cd "$here"
exec "$venv/bin/python" -m pytest -q -rfE -p no:cacheprovider "$here" ${ARGS[@]+"${ARGS[@]}"}
