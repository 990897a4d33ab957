#!/usr/bin/env bash
# Parity of Counted's XLSForm converter with pyxform and ODK Validate.
#
#   Tests/Parity/run.sh [COUNTED_BIN] [pytest arguments...]
#
# COUNTED_BIN (first argument, or the environment variable) is the built `counted` binary.
# Without it the Counted-side tests fail with a message saying so; the reference-only tests
# (pyxform + ODK Validate on the corpus, the tools' own tests) run alone with:
#   Tests/Parity/run.sh -m "not counted"
#
# Creates .venv-parity in the project root on first use (pyxform, openpyxl, pytest) and
# installs Java with apt-get if it is missing. The exit code is pytest's.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"
venv="$project/.venv-parity"

source "$project/scripts/lib/counted-bin.sh"
export COUNTED_BIN="${COUNTED_BIN:-}"

# Pinned: the oracle must not move under the tests.
source "$project/scripts/lib/pinned-venv.sh"
pinned_venv "$venv" "pyxform==4.5.0" "openpyxl==3.1.5" "pytest==9.2.0"

if ! command -v java >/dev/null 2>&1; then
  echo "run.sh: installing Java for ODK Validate"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "run.sh: java is missing and neither root nor sudo is available to install it" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q default-jre-headless >/dev/null
fi

# Keep the repository clean: no bytecode or pytest cache beside the tests.
export PYTHONDONTWRITEBYTECODE=1
cd "$here"
# -q keeps the output short; the last line is pytest's summary (passed, failed, xfailed ...).
exec "$venv/bin/python" -m pytest -q -rfE -p no:cacheprovider "$here" ${ARGS[@]+"${ARGS[@]}"}
