#!/usr/bin/env bash
# Runs every test project of the solution and ends with one summary line,
# "tests: N passed, N failed, N skipped", so CI and people read the same verdict.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

dotnet test Operator.sln "$@" --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# VSTest prints one line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 1, Total: 13, ..."
read -r passed failed skipped < <(
  sed -nE 's/.*Failed:[[:space:]]*([0-9]+), Passed:[[:space:]]*([0-9]+), Skipped:[[:space:]]*([0-9]+).*/\2 \1 \3/p' "$log" |
    awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}'
)
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [[ $status -eq 0 && $passed -eq 0 ]]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
