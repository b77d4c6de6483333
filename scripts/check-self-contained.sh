#!/usr/bin/env bash
# A clone of this repo must stand alone: nothing may read or link outside it (the data and specs
# the tests and code cite live in test-data/ and docs/). Fails with the offending lines.
set -euo pipefail
cd "$(dirname "$0")/.."
# Paths of the workspace this project was built in, and relative paths climbing out of the repo
# to a sibling "shared" folder (../shared, ../../../../shared/...).
pattern='(/work/|(^|[^.])\.\./(\.\./)*shared/|shared/(conformance|spec|notes|hooks)/|shared/DESIGN\.md)'
hits=$(git ls-files -z -- ':!package-lock.json' ':!scripts/check-self-contained.sh' \
  | xargs -0 grep -n -I -E "$pattern" -- 2>/dev/null \
  | grep -v -E "from '(\.\./)+shared/" || true)
if [[ -n "$hits" ]]; then
  echo "These lines read or name something outside the repo:" >&2
  echo "$hits" >&2
  exit 1
fi
echo "self-contained: nothing reads or links outside the repo"
