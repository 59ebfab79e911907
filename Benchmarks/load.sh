#!/usr/bin/env bash
# Load test of the built-in Enterprise Manager (RELIABILITY.md, part B).
#
#   Benchmarks/load.sh                 # debug build: .build/debug/tollgate
#   TOLLGATE_BIN=.build-release/release/tollgate Benchmarks/load.sh
#
# Starts `tollgate serve` on 127.0.0.1 (a free port), logs on with a random password taken from
# the environment, then runs with wrk (-t2 -c64):
#   1. a GET mix for LOAD_SECONDS (Benchmarks/gets.lua);
#   2. toggleScheduleEnabled on one agent job for LOAD_SECONDS (Benchmarks/toggle.lua), then checks
#      that ScheduleEnabled = initial XOR (number of 202s is odd), and that the server created
#      exactly that many tasks.
# Prints the figures (RESULT lines from the Lua scripts, RSS samples every 5 s) and exits non-zero
# when there was a non-2xx answer, a socket error or an inconsistent state. It always stops the
# server it started. Needs wrk and curl. Secrets are never printed or put on a command line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

BIN=${TOLLGATE_BIN:-.build/debug/tollgate}
SECONDS_PER_PHASE=${LOAD_SECONDS:-30}
CONNECTIONS=${LOAD_CONNECTIONS:-64}
THREADS=${LOAD_THREADS:-2}
HOST=127.0.0.1
EM_NS=http://www.veeam.com/ent/v1.0

command -v wrk >/dev/null || { echo "load.sh: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
[ -x "$BIN" ] || { echo "load.sh: $BIN is not built" >&2; exit 2; }

WORK=$(mktemp -d)
chmod 700 "$WORK"
SERVER_PID=""
SAMPLER_PID=""
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# --- start the server ---------------------------------------------------------------------------
export TOLLGATE_LOAD_PASSWORD
TOLLGATE_LOAD_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
"$BIN" serve --host "$HOST" --port 0 --user loadtest --password-env TOLLGATE_LOAD_PASSWORD \
  --log-level warning >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 100); do
  PORT=$(sed -n 's#.*listening on https\?://127\.0\.0\.1:\([0-9]*\)/.*#\1#p' "$WORK/server.log" | head -n 1)
  [ -n "$PORT" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 3; }
  sleep 0.1
done
[ -n "$PORT" ] || { echo "load.sh: the server did not report its port" >&2; exit 3; }
BASE="http://$HOST:$PORT"
echo "server: $BIN pid $SERVER_PID on $BASE"

rss_kb() { ps -o rss= -p "$SERVER_PID" | tr -d ' '; }
# Samples the server's RSS every 5 s into $1 until killed.
sample_rss() { while kill -0 "$SERVER_PID" 2>/dev/null; do echo "$(date +%s) $(rss_kb)" >>"$1"; sleep 5; done; }

# --- log on (password through curl's config on stdin, token into a 0600 file) -------------------
printf 'user = "loadtest:%s"\n' "$TOLLGATE_LOAD_PASSWORD" |
  curl -sS -K - -o /dev/null -D "$WORK/logon.headers" -X POST "$BASE/api/sessionMngr/?v=latest"
grep -q '^HTTP/1.1 201' "$WORK/logon.headers" || { echo "load.sh: logon failed" >&2; exit 3; }
export TOLLGATE_TOKEN
TOLLGATE_TOKEN=$(awk -F': ' 'tolower($1) == "x-restsvcsessionid" { print $2 }' "$WORK/logon.headers" | tr -d '\r')
[ -n "$TOLLGATE_TOKEN" ] || { echo "load.sh: no session token" >&2; exit 3; }
printf 'header = "X-RestSvcSessionId: %s"\n' "$TOLLGATE_TOKEN" >"$WORK/curl.conf"
api() { curl -sS -K "$WORK/curl.conf" "$@"; }
# `tollgate xpath` prints `string: "VALUE"`; keep VALUE.
xpath() { "$BIN" xpath "$1" "$2" --ns em="$EM_NS" | sed -n 's/^string: "\(.*\)"$/\1/p'; }

# Ids by following links, as the suite does.
api "$BASE/api/jobs" >"$WORK/jobs.xml"
JOB_PATH=$(xpath "string(/em:EntityReferences/em:Ref[1]/@Href)" "$WORK/jobs.xml" | sed "s#^$BASE##")
api "$BASE/api/agents/jobs" >"$WORK/agents.xml"
AGENT_PATH=$(xpath "string(/em:EntityReferences/em:Ref[1]/@Href)" "$WORK/agents.xml" | sed "s#^$BASE##")
[ -n "$JOB_PATH" ] && [ -n "$AGENT_PATH" ] || { echo "load.sh: no job or agent job found" >&2; exit 3; }

# Starts the job once; prints the new task's number (task-N → N).
start_job_task_number() {
  api -X POST "$BASE$JOB_PATH?action=start" >"$WORK/task.xml"
  xpath "substring-after(string(/em:Task/em:TaskId), 'task-')" "$WORK/task.xml"
}
schedule_enabled() {
  api "$BASE$AGENT_PATH?format=Entity" >"$WORK/agent.xml"
  xpath "string(/em:AgentBackupJob/em:ScheduleEnabled)" "$WORK/agent.xml"
}

# Three tasks for the GET mix.
TASK_PATHS=""
for _ in 1 2 3; do TASK_PATHS="$TASK_PATHS /api/tasks/task-$(start_job_task_number)"; done
export TOLLGATE_TASK_PATHS=$TASK_PATHS TOLLGATE_BENCH_DIR=Benchmarks

FAILED=0
check_result() { # $1 = RESULT line
  local non2xx socket
  non2xx=$(sed -n 's/.* non_2xx=\([0-9]*\).*/\1/p' <<<"$1")
  socket=$(awk '{ s = 0; for (i = 1; i <= NF; i++) if ($i ~ /^socket_/) { split($i, kv, "="); s += kv[2] } print s }' <<<"$1")
  if [ "$non2xx" != 0 ] || [ "$socket" != 0 ]; then echo "FAIL: non-2xx=$non2xx socket errors=$socket"; FAILED=1; fi
}
print_rss() { # $1 = label, $2 = samples file
  echo "rss_kb $1 samples (every 5 s): $(awk '{ printf "%s ", $2 }' "$2")"
}

echo "rss_kb before: $(rss_kb)"

# --- phase 1: GET mix ----------------------------------------------------------------------------
: >"$WORK/rss-gets"
sample_rss "$WORK/rss-gets" & SAMPLER_PID=$!
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_PHASE}s" --timeout 10s --latency \
  -s Benchmarks/gets.lua "$BASE/api/" >"$WORK/wrk-gets.txt"
kill "$SAMPLER_PID"; SAMPLER_PID=""
echo "== phase 1: GET mix (${SECONDS_PER_PHASE}s, $THREADS threads, $CONNECTIONS connections)"
grep -E 'Requests/sec|Latency|Socket errors|Non-2xx|requests in' "$WORK/wrk-gets.txt" | sed 's/^ */  wrk: /'
GETS=$(grep '^RESULT gets' "$WORK/wrk-gets.txt")
echo "$GETS"
check_result "$GETS"
print_rss "during GET mix" "$WORK/rss-gets"
sleep 5
echo "rss_kb after GET mix (+5 s idle): $(rss_kb)"

# --- phase 2: toggle load -----------------------------------------------------------------------
INITIAL=$(schedule_enabled)
FIRST_MARK=$(start_job_task_number)
: >"$WORK/rss-toggle"
sample_rss "$WORK/rss-toggle" & SAMPLER_PID=$!
TOLLGATE_TOGGLE_PATH="$AGENT_PATH?action=toggleScheduleEnabled" TOLLGATE_TOGGLE_SECONDS=$SECONDS_PER_PHASE \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((SECONDS_PER_PHASE + 4))s" --timeout 10s --latency \
  -s Benchmarks/toggle.lua "$BASE/api/" >"$WORK/wrk-toggle.txt"
kill "$SAMPLER_PID"; SAMPLER_PID=""
LAST_MARK=$(start_job_task_number)
FINAL=$(schedule_enabled)
echo "== phase 2: toggleScheduleEnabled on $AGENT_PATH (${SECONDS_PER_PHASE}s of toggles + 4 s of GET /api/ tail)"
grep -E 'Requests/sec|Latency|Socket errors|Non-2xx|requests in' "$WORK/wrk-toggle.txt" | sed 's/^ */  wrk: /'
TOGGLE=$(grep '^RESULT toggle' "$WORK/wrk-toggle.txt")
echo "$TOGGLE"
check_result "$TOGGLE"
print_rss "during toggle load" "$WORK/rss-toggle"
ACCEPTED=$(sed -n 's/.* accepted_202=\([0-9]*\).*/\1/p' <<<"$TOGGLE")
SENT=$(sed -n 's/.* toggles_sent=\([0-9]*\).*/\1/p' <<<"$TOGGLE")
SERVER_TASKS=$((LAST_MARK - FIRST_MARK - 1))
if [ $((ACCEPTED % 2)) = 1 ]; then
  EXPECTED=$([ "$INITIAL" = true ] && echo false || echo true)
else
  EXPECTED=$INITIAL
fi
echo "toggle: sent=$SENT accepted_202=$ACCEPTED server_tasks_created=$SERVER_TASKS ScheduleEnabled initial=$INITIAL final=$FINAL expected=$EXPECTED"
# `sent` counts the toggle requests wrk's request() built; wrk may build one that it never
# writes when it stops, so only accepted_202 (answers) and the server's task count must agree.
if [ "$FINAL" != "$EXPECTED" ] || [ "$SERVER_TASKS" != "$ACCEPTED" ]; then
  echo "FAIL: inconsistent state"; FAILED=1
else
  echo "state: consistent"
fi
sleep 5
echo "rss_kb after toggle load (+5 s idle): $(rss_kb)"

if [ "$FAILED" = 0 ]; then echo "load.sh: PASS"; else echo "load.sh: FAIL"; fi
exit "$FAILED"
