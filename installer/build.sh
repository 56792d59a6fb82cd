#!/usr/bin/env bash
# Build the one-folder bundle of the desk and the `caseworker` command for Linux, and pack
# it as dist/caseworker-desk-VERSION-linux-x86_64.tar.gz.
#
#     installer/build.sh                 # with .venv (pip install -e '.[installer]')
#     PYTHON=/path/to/python installer/build.sh
#     BARE=1 installer/build.sh          # the bare window bench/bench_bundle.py compares with
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
"$PYTHON" -c "import PyInstaller" 2>/dev/null || {
  echo "PyInstaller is missing: $PYTHON -m pip install -e '.[installer]'" >&2
  exit 2
}
version=$("$PYTHON" -c "import caseworker; print(caseworker.__version__)")

if [ "${BARE:-0}" != "1" ]; then
  # the English translation, compiled from the .ts in the repository
  lrelease=$("$PYTHON" -c "from ui.i18n import qt_tool; print(qt_tool('lrelease') or '')")
  [ -n "$lrelease" ] || { echo "lrelease (inside PySide6) not found" >&2; exit 2; }
  "$lrelease" -silent resources/translations/desk_en.ts -qm resources/translations/desk_en.qm
fi

"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/caseworker.spec

if [ "${BARE:-0}" = "1" ]; then
  echo "built dist/bare-window"
  exit 0
fi
# the command line is the same program under its own name (installer/launcher.py)
ln -sf caseworker-desk dist/caseworker-desk/caseworker
archive="dist/caseworker-desk-${version}-linux-x86_64.tar.gz"
tar -C dist -czf "$archive" caseworker-desk
echo "built dist/caseworker-desk ($(du -sh dist/caseworker-desk | cut -f1) unpacked) and $archive ($(du -h "$archive" | cut -f1))"
