# Sourced by the Python test harnesses' run.sh (Tests/*/run.sh) with "$@" as given to them:
# a first argument that is not a pytest option is the built `counted` binary; it becomes the
# absolute path COUNTED_BIN (the environment variable is the fallback), and ARGS holds the rest.
ARGS=("$@")
if [ ${#ARGS[@]} -gt 0 ] && [ "${ARGS[0]#-}" = "${ARGS[0]}" ]; then
  COUNTED_BIN="${ARGS[0]}"
  ARGS=("${ARGS[@]:1}")
fi
if [ -n "${COUNTED_BIN:-}" ]; then
  case "$COUNTED_BIN" in
    /*) ;;
    *) COUNTED_BIN="$PWD/$COUNTED_BIN" ;;
  esac
fi
