-- GET mix against the built-in Enterprise Manager (Benchmarks/load.sh, phase 1).
-- Cycles through the entry point, the job references, the agent job entities and the
-- tasks named in TOLLGATE_TASK_PATHS (space separated paths), with the session header.
package.path = (os.getenv("TOLLGATE_BENCH_DIR") or "Benchmarks") .. "/?.lua;" .. package.path
local common = require("common")

local paths = { "/api/", "/api/jobs", "/api/agents/jobs?format=Entity" }
for path in string.gmatch(os.getenv("TOLLGATE_TASK_PATHS") or "", "%S+") do
  table.insert(paths, path)
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  common.init_counters()
  next_index = 0
end

function request()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index], {
    ["X-RestSvcSessionId"] = common.token,
    ["Accept"] = "application/xml",
  })
end

function response(status, headers, body)
  common.count(status)
end

function done(summary, latency, requests)
  common.report("gets", threads, summary, latency)
end
