-- Toggle load (Benchmarks/load.sh, phase 2): every connection POSTs
-- ?action=toggleScheduleEnabled on one agent job (TOLLGATE_TOGGLE_PATH) and counts the 202s.
--
-- wrk drops the requests still in flight when -d runs out, although the server may already
-- have toggled the job. So toggles are sent only for TOLLGATE_TOGGLE_SECONDS (run wrk a few
-- seconds longer); afterwards each connection sends harmless GET /api/ requests, and the
-- number of 202s counted here is exactly the number of toggles the server performed.
package.path = (os.getenv("TOLLGATE_BENCH_DIR") or "Benchmarks") .. "/?.lua;" .. package.path
local common = require("common")

local toggle_path = os.getenv("TOLLGATE_TOGGLE_PATH") or error("TOLLGATE_TOGGLE_PATH is not set")
local toggle_seconds = tonumber(os.getenv("TOLLGATE_TOGGLE_SECONDS") or "30")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  common.init_counters()
  accepted_202, toggles_sent, other_toggle_status, tail_gets = 0, 0, 0, 0
  deadline = os.time() + toggle_seconds
end

function request()
  if os.time() < deadline then
    toggles_sent = toggles_sent + 1
    return wrk.format("POST", toggle_path, { ["X-RestSvcSessionId"] = common.token })
  end
  tail_gets = tail_gets + 1
  return wrk.format("GET", "/api/", { ["X-RestSvcSessionId"] = common.token })
end

function response(status, headers, body)
  common.count(status)
  if status == 202 then
    accepted_202 = accepted_202 + 1
  elseif not string.find(body or "", "<EnterpriseManager", 1, true) then
    -- not the answer of a tail GET /api/: a toggle that was refused
    other_toggle_status = other_toggle_status + 1
  end
end

function done(summary, latency, requests)
  common.report("toggle", threads, summary, latency,
    { "accepted_202", "toggles_sent", "other_toggle_status", "tail_gets" })
end
