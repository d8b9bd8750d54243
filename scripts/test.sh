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
stage lint npx eslint --max-warnings=0 .
stage typecheck npm run -s typecheck
stage unit npx vitest run
stage e2e npx playwright test
if ((${#failed[@]})); then
  echo "npm test: failed stages: ${failed[*]}"
  exit 1
fi
echo "npm test: all stages passed"
