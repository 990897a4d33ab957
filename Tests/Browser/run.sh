#!/usr/bin/env bash
# Browser tests of Counted's pages: headless Chromium driven by Selenium, checked with axe-core 4.x.
#
#   Tests/Browser/run.sh [COUNTED_BIN] [pytest arguments...]
#
# COUNTED_BIN (first argument, or the environment variable) is the built `counted` binary; the
# tests start it with `counted serve` on a temporary SQLite database. Without it they use
# .build/debug/counted.
#
# Installs chromium and chromium-driver with apt-get if /usr/bin/chromium or /usr/bin/chromedriver
# is missing, and creates .venv-browser in the project root on first use (selenium, pytest, and
# axe-playwright-python without its dependencies, only for the axe.min.js it ships).
# The exit code is pytest's.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"
venv="$project/.venv-browser"

source "$project/scripts/lib/counted-bin.sh"
export COUNTED_BIN="${COUNTED_BIN:-$project/.build/debug/counted}"

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "run.sh: installing chromium and chromium-driver"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "run.sh: chromium or chromedriver is missing and neither root nor sudo is available to install them" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null
fi

# Pinned: the tools must not move under the tests. selenium 4.52.0 needs a certifi newer than the
# package index here has, so 4.51.0; axe-playwright-python 0.1.8 ships axe-core 4.12.1.
selenium_version="4.51.0"
pytest_version="9.2.0"
axe_version="0.1.8"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" - "$selenium_version" "$pytest_version" "$axe_version" 2>/dev/null <<'EOF'
import sys
from importlib.metadata import version
assert [version("selenium"), version("pytest"), version("axe-playwright-python")] == sys.argv[1:]
EOF
then
  echo "run.sh: creating $venv (selenium, pytest, axe-core)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "selenium==$selenium_version" "pytest==$pytest_version"
  "$venv/bin/pip" install -q --disable-pip-version-check --no-deps "axe-playwright-python==$axe_version"
fi

# Keep the repository clean: no bytecode or pytest cache beside the tests.
export PYTHONDONTWRITEBYTECODE=1
cd "$here"
# -q keeps the output short; the last line is pytest's summary (passed, failed ...).
exec "$venv/bin/python" -m pytest -q -rfE -p no:cacheprovider "$here" ${ARGS[@]+"${ARGS[@]}"}
