#!/usr/bin/env bash
# Times the series list and the stats of the server over HTTP on a generated library (5,000 series x 20 files by
# default), for this build and for a reference build of another commit, one after the other on the same machine:
# one client (median of N requests), then 20 clients (requests per second), then the server's RSS. Each build is
# started as its README says: this one through dist/target/kanzen/bin/kanzen serve (when built), REF with java -jar.
#
#   bench/scripts/listing.sh [REF_COMMIT=f20d335] [SERIES=5000] [REQUESTS=40]
#
# Needs this build packaged (./mvnw -B -ntp -DskipTests package). Builds REF in a temporary worktree; REF "none"
# measures this build alone (to check the absolute goals without building the reference).
set -euo pipefail
cd "$(dirname "$0")/../.."
REF=${1:-f20d335}; SERIES=${2:-5000}; N=${3:-40}
WORK=$(mktemp -d /tmp/kanzen-listing-XXXX)
if [ "$REF" != none ]; then
  git worktree add -q "$WORK/ref" "$REF"
  (cd "$WORK/ref" && ./mvnw -B -ntp -q -DskipTests package -pl server,cli -am >/dev/null)
fi
java -cp bench/target/kanzen-bench.jar io.kanzen.bench.ScanTiming "$SERIES" 20 "$WORK/lib" >/dev/null 2>&1 || true
LIB="$WORK/lib/library"; [ -d "$LIB" ] || LIB=$(find "$WORK/lib" -mindepth 1 -maxdepth 1 -type d | head -1)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() { # name "server command" "cli command" port
  local name=$1 server=$2 cli=$3 port=$4 data="$WORK/data-$1"
  $cli --data-dir "$data" library add Lib "$LIB" >/dev/null
  $cli --data-dir "$data" scan >/dev/null
  KANZEN_DATA="$data" KANZEN_PORT=$port KANZEN_HOST=127.0.0.1 KANZEN_ADMIN_PASSWORD=bench-password-1 $server >"$WORK/$name.log" 2>&1 &
  local pid=$!
  until curl -s -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.2; done
  local jar="$WORK/$name.cookies"
  curl -s -c "$jar" -H 'Content-Type: application/json' -d '{"username":"admin","password":"bench-password-1"}' "http://127.0.0.1:$port/api/login" >/dev/null
  local base="http://127.0.0.1:$port/api/missing-monitor"
  for path in "series" "series?offset=2000&limit=100" "stats"; do
    curl -s -b "$jar" -o /dev/null "$base/$path" # warm-up
    for i in $(seq 5); do curl -s -b "$jar" -o /dev/null "$base/$path"; done
    local ms
    ms=$(for i in $(seq "$N"); do curl -s -b "$jar" -o /dev/null -w '%{time_total}\n' "$base/$path"; done | median)
    printf '%-10s %-32s %8.1f ms\n' "$name" "/$path" "$(echo "$ms * 1000" | bc -l)"
  done
  local start end total=$((N * 20))
  start=$(date +%s.%N)
  seq "$total" | xargs -P 20 -I{} curl -s -b "$jar" -o /dev/null "$base/series"
  end=$(date +%s.%N)
  printf '%-10s %-32s %8.1f req/s\n' "$name" "/series x20 clients" "$(echo "$total / ($end - $start)" | bc -l)"
  printf '%-10s %-32s %8d MiB\n' "$name" "RSS after the load" "$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

if [ -x dist/target/kanzen/bin/kanzen ]; then
  measure this "$PWD/dist/target/kanzen/bin/kanzen serve" "$PWD/dist/target/kanzen/bin/kanzen" 5091
else
  measure this "java -jar server/target/kanzen-server.jar" "java -jar cli/target/kanzen-cli.jar" 5091
fi
if [ "$REF" != none ]; then
  measure ref "java -jar $WORK/ref/server/target/kanzen-server.jar" "java -jar $WORK/ref/cli/target/kanzen-cli.jar" 5092
  git worktree remove --force "$WORK/ref"
fi
