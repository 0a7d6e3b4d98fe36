#!/usr/bin/env bash
# Start-up and memory (issue 16, goals 2 and 4), each figure beside its reference measured in the same run:
#   - JVM baselines: `java -version` and a hello-world JAR;
#   - a reference build of REF (before the launcher; default 5e28a65), started the way its README said
#     (`java -jar server/target/kanzen-server.jar`, `java -jar cli/target/kanzen-cli.jar`);
#   - this build through its launcher, as the README says now (`dist/target/kanzen/bin/kanzen [serve]`).
# Runs are alternated (this, ref, this, ref...) and the medians printed, with the CPU time (user + sys), which a busy
# machine disturbs less than the wall time. Then, for both builds, the server's RSS 20 s after start, and after
# 800 whole-list requests from 20 clients on a generated library of SERIES series (the load of listing.sh), then
# again after 30 s of idleness.
#
#   bench/scripts/footprint.sh [REF=5e28a65] [SERIES=5000] [RUNS=7]
#
# Needs this build packaged (./mvnw -B -ntp -DskipTests package), curl, and bash. Builds REF in a temporary worktree.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
REF=${1:-5e28a65}; SERIES=${2:-5000}; RUNS=${3:-7}
THIS="$ROOT/dist/target/kanzen/bin/kanzen"
[ -x "$THIS" ] || { echo "build this tree first: ./mvnw -B -ntp -DskipTests package" >&2; exit 1; }
WORK=$(mktemp -d /tmp/kanzen-footprint-XXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  git -C "$ROOT" worktree remove --force "$WORK/ref" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

echo "# machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "# building reference $REF in $WORK/ref"
git worktree add -q "$WORK/ref" "$REF"
(cd "$WORK/ref" && ./mvnw -B -ntp -q -DskipTests package -pl server,cli -am >/dev/null)
REF_CLI=(java -jar "$WORK/ref/cli/target/kanzen-cli.jar")
REF_SERVER=(java -jar "$WORK/ref/server/target/kanzen-server.jar")
# the launcher's own first start after a build prepares its archive: not part of any figure
"$THIS" --version >/dev/null 2>&1

mkdir -p "$WORK/hello"
echo 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }' > "$WORK/hello/Hello.java"
javac -d "$WORK/hello" "$WORK/hello/Hello.java"
jar --create --file "$WORK/hello.jar" --main-class Hello -C "$WORK/hello" Hello.class

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# prints "wall cpu" in seconds for one run of a command
timed() {
  local TIMEFORMAT='%R %U %S'
  { time "$@" >/dev/null 2>&1; } 2>&1 | awk '{printf "%.3f %.3f\n", $1, $2 + $3}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# a small library for the read commands
mkdir -p "$WORK/lib/One Piece" "$WORK/lib/Naruto"
: > "$WORK/lib/One Piece/One Piece T01.cbz"; : > "$WORK/lib/One Piece/One Piece T03.cbz"; : > "$WORK/lib/Naruto/Naruto - Tome 02.cbz"
"$THIS" --data-dir "$WORK/d-this" library add Manga "$WORK/lib" >/dev/null
"$THIS" --data-dir "$WORK/d-this" scan >/dev/null
"${REF_CLI[@]}" --data-dir "$WORK/d-ref" library add Manga "$WORK/lib" >/dev/null
"${REF_CLI[@]}" --data-dir "$WORK/d-ref" scan >/dev/null

row() { # label this-wall this-cpu ref-label ref-wall ref-cpu
  printf '%-44s %7.0f ms (cpu %5.0f ms)   %-22s %7.0f ms (cpu %5.0f ms)   ratio %s (cpu %s)\n' "$1" \
    "$(echo "$2 * 1000" | bc -l)" "$(echo "$3 * 1000" | bc -l)" "$4" "$(echo "$5 * 1000" | bc -l)" "$(echo "$6 * 1000" | bc -l)" \
    "$(ratio "$2" "$5")" "$(ratio "$3" "$6")"
}

# alternated runs of two commands (given as two strings run by bash), medians of wall and cpu
compare() { # label this-command ref-label ref-command
  local a_w=() a_c=() b_w=() b_c=() w c
  for _ in $(seq "$RUNS"); do
    read -r w c < <(timed bash -c "$2"); a_w+=("$w"); a_c+=("$c")
    read -r w c < <(timed bash -c "$4"); b_w+=("$w"); b_c+=("$c")
  done
  row "$1" "$(printf '%s\n' "${a_w[@]}" | median)" "$(printf '%s\n' "${a_c[@]}" | median)" "$3" \
    "$(printf '%s\n' "${b_w[@]}" | median)" "$(printf '%s\n' "${b_c[@]}" | median)"
}

echo
echo "## CLI start-up: median of $RUNS alternated runs (wall, and cpu = user + sys of all threads)"
compare "JVM baseline: hello-world JAR" "java -jar $WORK/hello.jar" "java -version" "java -version"
q() { printf '%q ' "$@"; }
for cmd in "library list" "series" "missing" "stats"; do
  compare "kanzen $cmd (bin/kanzen)" "$(q "$THIS") --data-dir $(q "$WORK/d-this") $cmd" "ref $REF" "$(q "${REF_CLI[@]}") --data-dir $(q "$WORK/d-ref") $cmd"
done
compare "kanzen library list (bin/kanzen)" "$(q "$THIS") --data-dir $(q "$WORK/d-this") library list" "hello-world JAR" "java -jar $WORK/hello.jar"

# server start to the first 200 on /health; prints "ms pid"
start_server() { # port data command...
  local port=$1 data=$2; shift 2
  local t0 t1
  t0=$(date +%s%N)
  KANZEN_DATA="$data" KANZEN_PORT=$port KANZEN_HOST=127.0.0.1 KANZEN_ADMIN_PASSWORD=bench-password-1 "$@" >>"$WORK/server-$port.log" 2>&1 &
  local pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "server on $port died: $(tail -3 "$WORK/server-$port.log")" >&2; return 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $pid"
}
stop() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null || true; }
rss() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024 )); }

echo
echo "## Server: exec to the first 200 on /health, median of $RUNS alternated starts"
declare -A COLD
for kind in new current; do
  a=(); b=()
  for i in $(seq "$RUNS"); do
    [ "$kind" = new ] && rm -rf "$WORK/s-this" "$WORK/s-ref"
    read -r ms pid < <(start_server 5181 "$WORK/s-this" "$THIS" serve); stop "$pid"; a+=("$ms")
    read -r ms pid < <(start_server 5182 "$WORK/s-ref" "${REF_SERVER[@]}"); stop "$pid"; b+=("$ms")
  done
  ma=$(printf '%s\n' "${a[@]}" | median); mb=$(printf '%s\n' "${b[@]}" | median)
  printf '%-44s %7d ms   ref %-18s %7d ms   ratio %s   (this: %s; ref: %s)\n' "server start, $kind data directory" "$ma" "$REF" "$mb" \
    "$(ratio "$ma" "$mb")" "${a[*]}" "${b[*]}"
done
jv=$(for _ in $(seq "$RUNS"); do timed java -version; done | awk '{print $1}' | median)
printf '%-44s %7.0f ms\n' "JVM baseline: java -version" "$(echo "$jv * 1000" | bc -l)"

echo
echo "## Server memory (RSS from /proc), README's command of each build"
read -r _ pa < <(start_server 5181 "$WORK/s-this" "$THIS" serve); PIDS+=("$pa")
read -r _ pb < <(start_server 5182 "$WORK/s-ref" "${REF_SERVER[@]}"); PIDS+=("$pb")
sleep 20
ra=$(rss "$pa"); rb=$(rss "$pb")
printf '%-44s %7d MiB   ref %-18s %7d MiB   ratio %s\n' "idle, 20 s after start" "$ra" "$REF" "$rb" "$(ratio "$ra" "$rb")"
stop "$pa"; stop "$pb"

echo "# generating $SERIES series x 20 files"
java -cp bench/target/kanzen-bench.jar io.kanzen.bench.ScanTiming "$SERIES" 20 "$WORK/big" >/dev/null 2>&1 || true
BIG="$WORK/big/library"; [ -d "$BIG" ] || BIG=$(find "$WORK/big" -mindepth 1 -maxdepth 1 -type d | head -1)
"$THIS" --data-dir "$WORK/b-this" library add Big "$BIG" >/dev/null; "$THIS" --data-dir "$WORK/b-this" scan >/dev/null
"${REF_CLI[@]}" --data-dir "$WORK/b-ref" library add Big "$BIG" >/dev/null; "${REF_CLI[@]}" --data-dir "$WORK/b-ref" scan >/dev/null

load() { # name port data command...
  local name=$1 port=$2 data=$3; shift 3
  local pid jar="$WORK/$name.cookies" base="http://127.0.0.1:$port/api/missing-monitor" total=800 s e
  read -r _ pid < <(start_server "$port" "$data" "$@"); PIDS+=("$pid")
  curl -s -c "$jar" -H 'Content-Type: application/json' -d '{"username":"admin","password":"bench-password-1"}' "http://127.0.0.1:$port/api/login" >/dev/null
  for _ in $(seq 5); do curl -s -b "$jar" -o /dev/null "$base/series"; done
  s=$(date +%s.%N)
  seq "$total" | xargs -P 20 -I{} curl -s -b "$jar" -o /dev/null "$base/series"
  e=$(date +%s.%N)
  echo "$pid $(rss "$pid") $(echo "$total / ($e - $s)" | bc -l)"
}
read -r pa la qa < <(load this 5181 "$WORK/b-this" "$THIS" serve)
read -r pb lb qb < <(load ref 5182 "$WORK/b-ref" "${REF_SERVER[@]}")
printf '%-44s %7d MiB   ref %-18s %7d MiB   ratio %s\n' "after 800 /series from 20 clients ($SERIES series)" "$la" "$REF" "$lb" "$(ratio "$la" "$lb")"
printf '%-44s %7.1f /s    ref %-18s %7.1f /s    ratio %s\n' "  their rate" "$qa" "$REF" "$qb" "$(ratio "$qa" "$qb")"
sleep 30
ia=$(rss "$pa"); ib=$(rss "$pb")
printf '%-44s %7d MiB   ref %-18s %7d MiB   ratio %s\n' "then idle 30 s" "$ia" "$REF" "$ib" "$(ratio "$ia" "$ib")"
stop "$pa"; stop "$pb"
