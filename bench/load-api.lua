-- wrk script for bench/load-api. The argument after `--` is a JSON file to POST. With
-- LOAD_API_DISTINCT=1 every request is a different profile (requests_per_hour counts up), so no
-- answer can come from the server's cache and the figure is the pricing engine's own; otherwise
-- wrk sends one prepared request over and over (no Lua per request, so wrk stays cheap).
local threads = 0
function setup(thread)
  thread:set("first", threads * 1000000000)
  threads = threads + 1
end

local template, counter
function init(args)
  if args[1] ~= nil then
    local f = assert(io.open(args[1], "rb"))
    template = f:read("*a")
    f:close()
    wrk.method = "POST"
    wrk.body = template
    wrk.headers["Content-Type"] = "application/json"
  end
  -- A fresh range per run, so the warm-up's profiles are not met again in the measured run.
  counter = (first or 0) + (os.time() % 100000) * 1000000
end

if os.getenv("LOAD_API_DISTINCT") == "1" then
  request = function()
    counter = counter + 1
    local body = template:gsub("600000", tostring(600000 + counter), 1)
    return wrk.format(nil, nil, nil, body)
  end
end

-- summary.errors.status counts answers that are not 2xx/3xx, so errors cannot pass for throughput.
function done(summary, latency, requests)
  io.write(string.format("non-2xx-or-errors: %d\n",
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
