-- wrk script for bench/deploy.sh: after the run (also when stopped with SIGINT), prints one line
-- with the totals the benchmark parses. A failed request is a socket error (connect, read, write,
-- timeout) or a response with a status of 400 or more (wrk's "Non-2xx or 3xx responses").
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "wrk-summary requests=%d connect=%d read=%d write=%d timeout=%d status=%d seconds=%.1f\n",
    summary.requests, e.connect, e.read, e.write, e.timeout, e.status, summary.duration / 1e6))
end
