#!/usr/bin/env bash
# The one test command: installs what is missing, starts a throwaway PostgreSQL,
# checks formatting, builds, runs every test on SQLite and PostgreSQL, stops the cluster.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD

scripts/install-deps.sh

pgdir=$(mktemp -d /tmp/adminduk-pg.XXXXXX)
cleanup() { scripts/pg-cluster.sh stop "$pgdir"; }
trap cleanup EXIT
ADMINDUK_TEST_POSTGRES=$(scripts/pg-cluster.sh start "$pgdir")
export ADMINDUK_TEST_POSTGRES
echo "PostgreSQL test cluster on port $(cat "$pgdir/port")"

dotnet tool restore >/dev/null
dotnet restore Adminduk.slnx --nologo -v q
dotnet format Adminduk.slnx --verify-no-changes --no-restore
dotnet build Adminduk.slnx --no-restore --nologo -v q -c Debug

# Every test host would otherwise watch its settings files with inotify; many hosts in parallel exhaust the
# per-user limit (128 on Debian) and tests fail with IOException.
export DOTNET_hostBuilder__reloadConfigOnChange=false
export DOTNET_USE_POLLING_FILE_WATCHER=1

results="$root/TestResults"
rm -rf "$results"
status=0
dotnet test Adminduk.slnx --no-build --nologo -c Debug --results-directory "$results" \
  --logger "trx" --logger "console;verbosity=minimal" "$@" || status=$?

# One closing line over every test assembly, counted from the TRX files.
passed=0 failed=0 skipped=0
for f in "$results"/*.trx; do
  [ -e "$f" ] || continue
  line=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$line")
  fl=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$line")
  nx=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})) failed=$((failed + ${fl:-0})) skipped=$((skipped + ${nx:-0}))
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
