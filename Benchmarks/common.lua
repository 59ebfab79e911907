-- Shared by the Tollgate load scripts (Benchmarks/load.sh): per-thread status counters
-- and one summary line ("RESULT key=value …") that load.sh parses.
-- The session token comes from the environment (TOLLGATE_TOKEN) and is never printed.

local M = {}

M.token = os.getenv("TOLLGATE_TOKEN")
if M.token == nil or M.token == "" then
  error("TOLLGATE_TOKEN is not set (load.sh logs on and exports it)")
end

-- Counters live in each wrk thread's own Lua state; done() collects them with thread:get.
function M.init_counters()
  ok, non2xx, last_bad_status = 0, 0, 0
end

function M.count(status)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    non2xx = non2xx + 1
    last_bad_status = status
  end
end

function M.report(label, threads, summary, latency, extra_names)
  local totals = { ok = 0, non2xx = 0, last_bad_status = 0 }
  for _, name in ipairs(extra_names or {}) do totals[name] = 0 end
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      local value = thread:get(name) or 0
      if name == "last_bad_status" then
        if value ~= 0 then totals[name] = value end
      else
        totals[name] = totals[name] + value
      end
    end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local line = string.format(
    "RESULT %s requests=%d seconds=%.2f req_per_s=%.1f ok_2xx=%d non_2xx=%d last_bad_status=%d " ..
    "socket_connect=%d socket_read=%d socket_write=%d socket_timeout=%d wrk_status_errors=%d " ..
    "lat_mean_ms=%.2f lat_p50_ms=%.2f lat_p90_ms=%.2f lat_p99_ms=%.2f lat_p999_ms=%.2f lat_max_ms=%.2f",
    label, summary.requests, seconds, summary.requests / seconds, totals.ok, totals.non2xx,
    totals.last_bad_status, e.connect, e.read, e.write, e.timeout, e.status,
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000)
  for _, name in ipairs(extra_names or {}) do
    line = line .. string.format(" %s=%d", name, totals[name])
  end
  io.write(line .. "\n")
end

return M
