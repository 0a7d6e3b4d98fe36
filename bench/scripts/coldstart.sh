#!/usr/bin/env bash
# Cold start to the first HTTP 200 on /health (3 starts on an empty data directory), then the idle RSS, of this
# build started as the README says (dist/target/kanzen/bin/kanzen serve). bench/scripts/footprint.sh measures the
# same beside a reference build and the JVM's own start, with the CLI and the memory under load.
set -u
cd "$(dirname "$0")/../.."
K=$PWD/dist/target/kanzen/bin/kanzen
[ -x "$K" ] || { echo "build first: ./mvnw -B -ntp -DskipTests package" >&2; exit 1; }
D=$(mktemp -d); cd "$D"
for i in 1 2 3; do
  rm -rf data
  t0=$(date +%s%N)
  KANZEN_PORT=5077 KANZEN_HOST=127.0.0.1 "$K" serve > server.log 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:5077/health)" = 200 ]; do sleep 0.01; done
  t1=$(date +%s%N)
  echo "run $i: first 200 after $(( (t1 - t0) / 1000000 )) ms"
  if [ $i = 3 ]; then sleep 20; echo "idle RSS after 20 s: $(grep VmRSS /proc/$pid/status)"; fi
  kill $pid; wait $pid 2>/dev/null
done
