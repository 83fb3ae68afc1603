# Shared by scripts/workbook and scripts/test: make .venv with shoporg and its test
# tools installed, once, and again whenever pyproject.toml changes.
set -eu
cd "$(dirname "$0")/.."
VENV="${SHOPORG_VENV:-.venv}"
PY="$VENV/bin/python"
if [ ! -x "$PY" ]; then
  python3 -m venv "$VENV"
fi
if [ ! -f "$VENV/.installed" ] || [ pyproject.toml -nt "$VENV/.installed" ]; then
  "$PY" -m pip install --quiet --upgrade pip
  "$PY" -m pip install --quiet -e '.[test]'
  touch "$VENV/.installed"
fi
