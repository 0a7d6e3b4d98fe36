#!/usr/bin/env bash
# cold start to first HTTP 200 on /health, then idle RSS
set -u
D=$(mktemp -d); cd $D
for i in 1 2 3; do
  rm -rf data
  t0=$(date +%s%N)
  KANZEN_PORT=5077 KANZEN_HOST=127.0.0.1 java -jar /work/main/server/target/kanzen-server.jar > server.log 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:5077/health)" = 200 ]; do sleep 0.02; done
  t1=$(date +%s%N)
  echo "run $i: first 200 after $(( (t1 - t0) / 1000000 )) ms"
  if [ $i = 3 ]; then sleep 20; echo "idle RSS after 20 s: $(grep VmRSS /proc/$pid/status)"; fi
  kill $pid; wait $pid 2>/dev/null
done
