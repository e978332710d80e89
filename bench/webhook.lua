-- wrk script: each request is a distinct Instantly event (unique email_id and timestamp), sent
-- with the sandbox webhook secret; counts non-2xx answers.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  run = tostring(os.time())
  secret = os.getenv("BENCH_SECRET") or "sandbox-webhook-secret"
  bad = 0
end

request = function()
  counter = counter + 1
  local body = string.format('{"timestamp":"2026-11-23T10:%02d:%02d.%06dZ","event_type":"email_opened",'
    .. '"workspace":"ws-load","campaign_id":"camp-load","campaign_name":"Load","lead_email":"load%d@bench.example",'
    .. '"email_account":"sdr@sender.example","step":1,"email_id":"%s-%d-%d","open_count":1}',
    counter % 60, math.floor(counter / 60) % 60, counter % 1000000, counter % 50000, run, id, counter)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["X-Webhook-Secret"] = secret}, body)
end

response = function(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  local failed = 0
  for _, t in ipairs(threads) do failed = failed + t:get("bad") end
  io.write(string.format("acked/s=%.0f requests=%d non2xx=%d errors=%d p50=%.2fms p99=%.2fms max=%.2fms\n",
    (summary.requests - failed) / (summary.duration / 1e6), summary.requests, failed,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
