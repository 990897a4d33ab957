# Sourced by the Python test harnesses' run.sh. pinned_venv VENV NAME==VERSION ...: makes sure the
# venv exists with exactly these versions, creating it and installing them if any differs, so the
# tools never move under the tests.
pinned_venv() {
  local venv="$1"; shift
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" - "$@" 2>/dev/null <<'PY'
import sys
from importlib.metadata import version
for spec in sys.argv[1:]:
    name, wanted = spec.split("==")
    assert version(name) == wanted, spec
PY
  then
    echo "run.sh: creating $venv ($*)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "$@"
  fi
}
