-- Prints the latency percentiles and the status counts wrk saw, one "key value" a line,
-- for bench/api_awards.py to read (wrk's own report has no p95).
local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %d\np95 %d\nrequests %d\nseconds %f\nerrors %d\n",
    latency:percentile(50), latency:percentile(95), summary.requests,
    summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout))
end
