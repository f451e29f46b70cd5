-- wrk script for bench/load-api: POSTs the file named after `--` as JSON.
function init(args)
  if args[1] ~= nil then
    local f = assert(io.open(args[1], "rb"))
    wrk.method = "POST"
    wrk.body = f:read("*a")
    wrk.headers["Content-Type"] = "application/json"
    f:close()
  end
end

-- summary.errors.status counts answers that are not 2xx/3xx, so errors cannot pass for throughput.
function done(summary, latency, requests)
  io.write(string.format("non-2xx-or-errors: %d\n",
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
