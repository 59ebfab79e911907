#!/usr/bin/env bash
# Reproduces every figure of Benchmarks/README.md in one run, on one machine.
#
#   swift build -c release --scratch-path .build-release --product tollgate --product BareRoute
#   pip install -r Benchmarks/peers/requirements.txt; apt-get install -y wrk hyperfine
#   Benchmarks/run.sh                       # all parts
#   Benchmarks/run.sh flows waits memory wire server   # or some of them
#
# Parts (each prints RESULT lines; the script exits non-zero when a target is missed):
#   flows   50 and 200 logon flows: Tollgate, the requests + lxml script and Tavern side by side
#           (hyperfine), against `tollgate serve --task-seconds 0` (items 1 and 2)
#   waits   5,000 scenarios each waiting on a 1 s task, --jobs 1000 (item 4)
#   memory  10,000 and 100,000 one-request scenarios: time and peak RSS (/usr/bin/time -v) (item 3)
#   wire    N sequential GETs by Tollgate vs `wrk -t1 -c1` on the same endpoint (item 5)
#   server  `wrk -t2 -c64` GET and toggle, built-in server vs a bare Hummingbird route (item 6)
# Secrets go through the environment and 0600 files, never a command line or the output.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

BIN=${TOLLGATE_BIN:-.build-release/release/tollgate}
BARE=${BARE_BIN:-.build-release/release/BareRoute}
FLOW_JOBS=${FLOW_JOBS:-16}
RUNS=${RUNS:-5}
HOST=127.0.0.1
USER_NAME=bench
PARTS=${*:-flows waits memory wire server}

for tool in hyperfine wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "run.sh: $BIN is not built (see the top of this file)" >&2; exit 2; }

WORK=$(mktemp -d)
chmod 700 "$WORK"
SERVERS=()
cleanup() {
  for pid in "${SERVERS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

export TOLLGATE_PASSWORD
TOLLGATE_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
FAILED=0
result() { echo "RESULT $*"; }
check() { # $1 = description, $2 = python condition on the printed figures
  if python3 -c "import sys; sys.exit(0 if ($2) else 1)"; then echo "PASS $1"; else echo "MISS $1"; FAILED=1; fi
}

# Starts `tollgate serve` with extra options; sets PORT, BASE and SERVER_PID.
start_server() {
  "$BIN" serve --host "$HOST" --port 0 --user "$USER_NAME" --password-env TOLLGATE_PASSWORD \
    --log-level warning "$@" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  SERVERS+=("$SERVER_PID")
  wait_for_port "$WORK/server.log"
  BASE="http://$HOST:$PORT"
}
wait_for_port() {
  PORT=""
  for _ in $(seq 1 100); do
    PORT=$(sed -n 's#.*listening on https\?://127\.0\.0\.1:\([0-9]*\)/\{0,1\}.*#\1#p' "$1" | head -n 1)
    [ -n "$PORT" ] && return 0
    sleep 0.1
  done
  echo "run.sh: no port in $1" >&2; cat "$1" >&2; exit 3
}
stop_server() { kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
rss_kb() { ps -o rss= -p "$1" | tr -d ' '; }
# Logs on with curl (password on stdin); writes the token header to $WORK/curl.conf.
log_on() {
  printf 'user = "%s:%s"\n' "$USER_NAME" "$TOLLGATE_PASSWORD" |
    curl -sS -K - -o /dev/null -D "$WORK/logon.headers" -X POST "$BASE/api/sessionMngr/?v=latest"
  TOKEN=$(awk -F': ' 'tolower($1) == "x-restsvcsessionid" { print $2 }' "$WORK/logon.headers" | tr -d '\r')
  printf 'header = "X-RestSvcSessionId: %s"\n' "$TOKEN" >"$WORK/curl.conf"
}
first_agent_job() {
  curl -sS -K "$WORK/curl.conf" "$BASE/api/agents/jobs" >"$WORK/agents.xml"
  "$BIN" xpath "string(/em:EntityReferences/em:Ref[1]/@Href)" "$WORK/agents.xml" \
    --ns em=http://www.veeam.com/ent/v1.0 | sed -n 's/^string: "\(.*\)"$/\1/p'
}
tollgate_run() { # $1 = scenario file, then extra options
  local file=$1; shift
  "$BIN" run "$file" --base-url "$BASE" --user "$USER_NAME" --junit "$WORK/junit.xml" "$@"
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(free -g | awk '/^Mem:/ { print $2 }') GB RAM, $(uname -sr)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tollgate: $BIN; $(python3 --version); $(hyperfine --version); $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2)"
echo "peers: $(grep -v '^#' Benchmarks/peers/requirements.txt | tr '\n' ' ')"

# --- flows: items 1 and 2 --------------------------------------------------------------------------
part_flows() {
  echo "== flows: logon -> list agent jobs -> toggle -> poll to Finished -> log off, one scenario per flow"
  start_server --task-seconds 0
  python3 Benchmarks/generate.py flows 50 "$WORK/f50"
  python3 Benchmarks/generate.py flows 200 "$WORK/f200"
  printf 'variables:\n  base_url: "%s"\n  user: "%s"\n  password: "%s"\n' "$BASE" "$USER_NAME" "$TOLLGATE_PASSWORD" \
    >"$WORK/tavern-global.yaml"
  local run="$BIN run --base-url $BASE --user $USER_NAME --junit $WORK/junit.xml --jobs $FLOW_JOBS"
  local tavern="python3 -m pytest -q -p no:cacheprovider --rootdir Benchmarks/peers --tavern-global-cfg=$WORK/tavern-global.yaml"
  PYTHONPATH=Benchmarks/peers hyperfine --runs "$RUNS" --warmup 1 --export-json "$WORK/flows.json" \
    -n "tollgate 50" "$run $WORK/f50/flows.yaml" \
    -n "tollgate 200" "$run $WORK/f200/flows.yaml" \
    -n "requests+lxml 50" "python3 Benchmarks/peers/requests_flows.py $BASE $USER_NAME 50" \
    -n "tavern 50" "$tavern $WORK/f50/tavern/test_flows.tavern.yaml"
  stop_server
  python3 - "$WORK/flows.json" >"$WORK/flows.result" <<'EOF'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
mean = {name: r["mean"] for name, r in runs.items()}
print(f"t50={mean['tollgate 50']:.4f} t200={mean['tollgate 200']:.4f} "
      f"script50={mean['requests+lxml 50']:.4f} tavern50={mean['tavern 50']:.4f} "
      f"growth={mean['tollgate 200'] / mean['tollgate 50']:.2f} "
      f"vs_script={mean['requests+lxml 50'] / mean['tollgate 50']:.2f} "
      f"vs_tavern={mean['tavern 50'] / mean['tollgate 50']:.2f}")
EOF
  local line; line=$(cat "$WORK/flows.result")
  result "flows (mean seconds, --jobs $FLOW_JOBS) $line"
  local growth script tavern
  growth=$(sed -n 's/.*growth=\([0-9.]*\).*/\1/p' <<<"$line")
  script=$(sed -n 's/.*vs_script=\([0-9.]*\).*/\1/p' <<<"$line")
  tavern=$(sed -n 's/.*vs_tavern=\([0-9.]*\).*/\1/p' <<<"$line")
  check "200 flows take at most 4.5x the time of 50 ($growth x)" "$growth <= 4.5"
  check "50 flows at least 3x faster than requests + lxml ($script x)" "$script >= 3"
  check "50 flows at least 20x faster than Tavern ($tavern x)" "$tavern >= 20"
}

# --- waits: item 4 ---------------------------------------------------------------------------------
part_waits() {
  echo "== waits: 5,000 scenarios each waiting on a 1 s task, --jobs 1000 (ideal: 5 waves of 1 s = 5 s)"
  start_server --task-seconds 1
  log_on
  local job; job=$(first_agent_job)
  python3 Benchmarks/generate.py waits 5000 "$WORK/waits"
  local start end
  start=$(date +%s.%N)
  tollgate_run "$WORK/waits/waits.yaml" --jobs 1000 --var "job_url=$job" | tail -n 1
  end=$(date +%s.%N)
  stop_server
  local seconds; seconds=$(python3 -c "print(f'{$end - $start:.2f}')")
  result "waits 5000 scenarios --jobs 1000: ${seconds} s, $(python3 -c "print(f'{$seconds / 5:.2f}')")x the ideal 5 s"
  check "5,000 waits within 1.2x of the ideal (${seconds} s)" "$seconds <= 6.0"
}

# --- memory: item 3 --------------------------------------------------------------------------------
part_memory() {
  echo "== memory: one-request scenarios on the shared session, --jobs 8"
  start_server --task-seconds 0
  for count in 10000 100000; do
    python3 Benchmarks/generate.py plain "$count" "$WORK/plain$count"
    /usr/bin/time -v "$BIN" run "$WORK/plain$count" --base-url "$BASE" --user "$USER_NAME" \
      --junit "$WORK/junit.xml" --jobs 8 >"$WORK/memory.out" 2>"$WORK/memory.time" || true
    local peak wall summary
    peak=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/memory.time")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$WORK/memory.time")
    summary=$(grep '^Summary' "$WORK/memory.out" || tail -n 1 "$WORK/memory.out")
    result "memory $count scenarios: wall ${wall}, peak RSS $((peak / 1024)) MB; $summary"
    rm -rf "$WORK/plain$count"
    if [ "$count" = 10000 ]; then check "10,000 scenarios within 100 MB peak RSS ($((peak / 1024)) MB)" "$peak <= 100 * 1024"; fi
  done
  stop_server
}

# --- wire: item 5 ----------------------------------------------------------------------------------
part_wire() {
  local count=5000
  echo "== wire: $count sequential GET /api/agents/jobs by Tollgate (--jobs 1) vs wrk -t1 -c1, same server"
  start_server --task-seconds 0
  log_on
  python3 Benchmarks/generate.py gets "$count" "$WORK/gets"
  local start end
  start=$(date +%s.%N)
  tollgate_run "$WORK/gets/gets.yaml" --jobs 1 | tail -n 1
  end=$(date +%s.%N)
  local tollgate_rate; tollgate_rate=$(python3 -c "print(f'{$count / ($end - $start):.0f}')")
  wrk -t1 -c1 -d10s -H "X-RestSvcSessionId: $TOKEN" "$BASE/api/agents/jobs" >"$WORK/wrk.txt"
  stop_server
  local wrk_rate; wrk_rate=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$WORK/wrk.txt")
  local share; share=$(python3 -c "print(f'{100 * $tollgate_rate / $wrk_rate:.0f}')")
  result "wire tollgate ${tollgate_rate} req/s (whole process, $count GETs) wrk -t1 -c1 ${wrk_rate} req/s: ${share} %"
  check "sequential rate at least 80 % of wrk -t1 -c1 (${share} %)" "$share >= 80"
}

# --- server: item 6 --------------------------------------------------------------------------------
# One wrk phase: $1 = label, $2 = base URL, $3 = Lua script, $4 = path, $5 = server pid.
wrk_phase() {
  local before after
  before=$(rss_kb "$5")
  TOLLGATE_TOKEN=${TOKEN:-none} TOLLGATE_PATH=$4 wrk -t2 -c64 -d30s --timeout 10s -s "$3" "$2$4" >"$WORK/wrk.txt"
  after=$(rss_kb "$5")
  local rate errors non2xx
  rate=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$WORK/wrk.txt")
  errors=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$WORK/wrk.txt")
  non2xx=$(awk '/Non-2xx/ { print $NF }' "$WORK/wrk.txt")
  result "server $1: ${rate} req/s socket_errors=${errors:-0} non_2xx=${non2xx:-0} rss_kb ${before} -> ${after}"
  eval "RATE_$6=$rate"
  [ "${errors:-0}" = 0 ] && [ "${non2xx:-0}" = 0 ] || { echo "MISS $1: errors"; FAILED=1; }
}
part_server() {
  [ -x "$BARE" ] || { echo "run.sh: $BARE is not built (see the top of this file)" >&2; exit 2; }
  echo "== server: wrk -t2 -c64 30 s per phase; built-in server vs a bare Hummingbird route"
  start_server --task-seconds 0
  log_on
  local job; job=$(first_agent_job)
  local job_path=${job#"$BASE"}
  wrk_phase "builtin GET agent job entity" "$BASE" Benchmarks/wrk-get.lua "$job_path?format=Entity" "$SERVER_PID" builtin_get
  wrk_phase "builtin toggle" "$BASE" Benchmarks/wrk-post.lua "$job_path?action=toggleScheduleEnabled" "$SERVER_PID" builtin_toggle
  stop_server
  "$BARE" --port 0 >"$WORK/bare.log" 2>&1 &
  local bare_pid=$!
  SERVERS+=("$bare_pid")
  wait_for_port "$WORK/bare.log"
  local bare="http://$HOST:$PORT"
  wrk_phase "bare GET" "$bare" Benchmarks/wrk-get.lua "/job" "$bare_pid" bare_get
  wrk_phase "bare toggle" "$bare" Benchmarks/wrk-post.lua "/job?action=toggle" "$bare_pid" bare_toggle
  kill -TERM "$bare_pid" 2>/dev/null || true
  local get_share toggle_share
  get_share=$(python3 -c "print(f'{100 * $RATE_builtin_get / $RATE_bare_get:.0f}')")
  toggle_share=$(python3 -c "print(f'{100 * $RATE_builtin_toggle / $RATE_bare_toggle:.0f}')")
  result "server builtin/bare: GET ${get_share} %, toggle ${toggle_share} %"
  check "built-in GET at least 60 % of the bare route (${get_share} %)" "$get_share >= 60"
  check "built-in toggle at least 60 % of the bare route (${toggle_share} %)" "$toggle_share >= 60"
}

for part in $PARTS; do
  case $part in
    flows | waits | memory | wire | server) "part_$part" ;;
    *) echo "run.sh: unknown part $part" >&2; exit 2 ;;
  esac
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$FAILED" = 0 ]; then echo "run.sh: every target met"; else echo "run.sh: some targets missed (MISS lines)"; fi
exit "$FAILED"
