#!/usr/bin/env bash
# `npm test`: lint (layering included), typecheck (node, browser, electron, e2e),
# unit + integration (vitest), then Playwright e2e in Debian Chromium.
# Every stage runs; the exit code is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
failed=()
stage() {
  local name=$1; shift
  echo "=== $name: $*"
  local t0=$SECONDS
  if "$@"; then echo "=== $name passed ($((SECONDS - t0)) s)"; else echo "=== $name FAILED ($((SECONDS - t0)) s)"; failed+=("$name"); fi
}
logs=$(mktemp -d)
# Lint and typecheck share nothing and each keeps about one core busy: they run side by side, lint's
# output held back and printed as its own stage once typecheck is done.
(
  t0=$SECONDS
  npx eslint --max-warnings=0 . >"$logs/lint.log" 2>&1
  echo "$? $((SECONDS - t0))" >"$logs/lint.rc"
) &
lint_pid=$!
stage typecheck npm run -s typecheck
wait "$lint_pid"
echo "=== lint: npx eslint --max-warnings=0 . (beside typecheck)"
cat "$logs/lint.log"
read -r lint_rc lint_s <"$logs/lint.rc"
if [[ $lint_rc == 0 ]]; then echo "=== lint passed ($lint_s s)"; else echo "=== lint FAILED ($lint_s s)"; failed+=(lint); fi
stage unit bash -c 'set -o pipefail; npx vitest run 2>&1 | tee "$0/unit.log"' "$logs"
stage e2e bash -c 'set -o pipefail; npx playwright test 2>&1 | tee "$0/e2e.log"' "$logs"

# One closing line over both runners: "tests: N passed, N failed".
count() { sed 's/\x1b\[[0-9;]*m//g' "$1" 2>/dev/null | grep -E "$2" | grep -oE "[0-9]+ $3" | tail -n1 | grep -oE '^[0-9]+' || echo 0; }
passed=$(( $(count "$logs/unit.log" '^ +Tests ' passed) + $(count "$logs/e2e.log" '^ +[0-9]+ passed' passed) ))
failed_n=$(( $(count "$logs/unit.log" '^ +Tests ' failed) + $(count "$logs/e2e.log" '^ +[0-9]+ failed' failed) ))
# What failed, again at the very end: CI keeps only the tail of the output, and the runners print their
# failures far above it (the unit stage's above the whole e2e run). Chromium's D-Bus noise left out.
plain() { sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -vE '^Connection (Error|Null)'; }
# vitest: the failed suites and tests with their errors, unhandled errors and crashed workers, its summary.
unit_digest() {
  [[ -f $1 ]] || return 0
  plain "$1" | awk '/⎯+ (Failed|Unhandled)|^ *FAIL |Error: \[vitest/ { on = 1 } on' |
    grep -vE '^ +✓ |^ +(Test Files|Tests|Errors|Start at|Duration) ' | head -n 70
  plain "$1" | grep -E '^ +(Test Files|Tests|Errors) ' | tail -n 3
}
# playwright: its list of failed and flaky tests (after "N failed"), then the first lines of each error.
e2e_digest() {
  [[ -f $1 ]] || return 0
  plain "$1" | awk '/^ +[0-9]+ (failed|flaky)$/ { on = 1 } on' | head -n 30
  plain "$1" | awk '/^ +[0-9]+\) \[/ { n = 0; on = 1 } on && n++ < 12' | head -n 50
}
if ((${#failed[@]})); then
  for name in "${failed[@]}"; do
    case $name in
      unit) echo "=== what failed in unit"; unit_digest "$logs/unit.log" ;;
      e2e) echo "=== what failed in e2e"; e2e_digest "$logs/e2e.log" ;;
      lint) echo "=== what failed in lint"; tail -n 30 "$logs/lint.log" ;;
    esac
  done
  echo "npm test: failed stages: ${failed[*]}"
  echo "tests: $passed passed, $failed_n failed"
  exit 1
fi
echo "npm test: all stages passed"
echo "tests: $passed passed, $failed_n failed"
