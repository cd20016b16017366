#!/usr/bin/env bash
# Benchmark: how long after a push to the registry `dray server` starts the rollout of the new
# image, (a) told by the registry's notification, (b) finding it by polling (HEAD requests only).
#
#   bash bench/auto-deploy.sh            (as root on Debian; starts the test environment)
#
# Each phase runs the packaged bin/dray as `dray server` for a tiny web app (busybox httpd) whose
# dray.yml follows `latest`, against a CNCF registry of its own (Debian's docker-registry) on a free
# 127.0.0.1 port: (a) with a notification endpoint pointing at the server, (b) without one, the
# server polling every INTERVAL seconds (default jitter 0.1). Each run builds a new image (not
# timed), waits a random part of the interval, then pushes it with `docker push`.
#   pushed   = when the registry stored the manifest (its log line of PUT /v2/…/manifests/latest)
#   started  = the rollout's started_at in $DRAY_HOME/dray.db
# Every rollout must succeed before the next push. Registry requests are counted by method and
# client from the registry's log. Figures are printed last. Knobs: RUNS (default 5), INTERVAL
# (seconds between polls, default 2), IDLE (seconds of polling with nothing new, default 10).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
RUNS="${RUNS:-5}"
INTERVAL="${INTERVAL:-2}"
IDLE="${IDLE:-10}"
DOCKER=/usr/bin/docker
BASE=127.0.0.1:5000/dray/busybox:1
SECRET="bench-hook-$RANDOM$RANDOM"
stamp=$(date +%s)
work="$root/bench/out/auto-deploy-$stamp"
mkdir -p "$work"
homes_dir=$(mktemp -d /tmp/dray-bench.XXXXXX) # short: haproxy's admin socket path must fit
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

bash scripts/test-env.sh up >/dev/null
JAVA_HOME="$(bash scripts/java-home.sh)"; export JAVA_HOME
./mvnw -B -ntp -q package -DskipTests >/dev/null
dray=("$root"/target/dray-*/dray-*/bin/dray)
dray="${dray[0]}"

# --- clean-up of what this script started: by PID and by the apps' container label -------------
server_pids=(); registry_pids=(); apps=(); homes=(); repos=()
cleanup() {
  set +e
  for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${server_pids[@]}"; do wait "$pid" 2>/dev/null; done
  for i in "${!apps[@]}"; do
    local pidfile="${homes[$i]}/proxy/${apps[$i]}/haproxy.pid"
    [[ -f "$pidfile" ]] && kill "$(cat "$pidfile")" 2>/dev/null
    local ids; ids=$($DOCKER ps -aq --filter "label=dray.app=${apps[$i]}")
    [[ -n "$ids" ]] && $DOCKER rm -f $ids >/dev/null 2>&1
    ids=$($DOCKER images -q "${repos[$i]}" | sort -u)
    [[ -n "$ids" ]] && $DOCKER rmi -f $ids >/dev/null 2>&1
  done
  for pid in "${registry_pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  for h in "${homes[@]}"; do cp "$h/dray.db" "$work/$(basename "$h").db" 2>/dev/null; done
  rm -rf "$homes_dir"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }

start_registry() { # dir port [notify-url]
  local dir="$1" port="$2" notify="${3:-}"
  mkdir -p "$dir"
  {
    printf 'version: 0.1\nlog: {level: info}\nstorage:\n  filesystem: {rootdirectory: %s/data}\nhttp: {addr: 127.0.0.1:%s}\n' "$dir" "$port"
    [[ -n "$notify" ]] && printf 'notifications:\n  endpoints:\n    - {name: dray, url: "%s", timeout: 1s, threshold: 1, backoff: 1s}\n' "$notify"
  } > "$dir/config.yml"
  docker-registry serve "$dir/config.yml" > "$dir/registry.log" 2>&1 &
  registry_pids+=($!)
  for _ in $(seq 100); do
    curl -fs -A bench-ready-check "http://127.0.0.1:$port/v2/" >/dev/null && return 0
    sleep 0.1
  done
  echo "docker-registry did not start on $port: $dir/registry.log" >&2; exit 1
}

write_config() { # file app image proxy-port auto_deploy-lines
  cat > "$1" <<YML
service: $2
image: $3
servers: [local]
proxy: {port: $4, bind: 127.0.0.1, drain_timeout: 5s, health_timeout: 20s}
services:
  web:
    port: 80
    healthcheck: {path: /up, interval: 250ms, timeout: 1s, retries: 12}
    stop_timeout: 3s
auto_deploy:
$5
YML
}

start_server() { # home config port log -> sets server_url
  DRAY_HOME="$1" DRAY_USER=bench DRAY_REGISTRY_HOOK_SECRET="$SECRET" \
    "$dray" server --port "$3" --config "$2" > "$4" 2>&1 &
  server_pids+=($!)
  for _ in $(seq 600); do
    grep -q "dray server: listening on" "$4" && return 0
    kill -0 "${server_pids[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "dray server did not start: $4" >&2; cat "$4" >&2; exit 1
}

build() { # repo version: builds <repo>:latest answering /version with <version>
  local ctx="$work/ctx-$2"
  mkdir -p "$ctx"
  printf 'FROM %s\nRUN mkdir -p /www && echo %s > /www/version && echo ok > /www/up\nCMD ["sh", "-c", "exec httpd -f -v -p 80 -h /www"]\n' "$BASE" "$2" > "$ctx/Dockerfile"
  $DOCKER build -q -t "$1:latest" "$ctx" >/dev/null
}

db() { sqlite3 -cmd ".timeout 5000" "$1/dray.db" "$2"; }
deploys() { db "$1" "select count(*) from deploys where app = '$2'"; }

await_rollout() { # home app count -> prints "started_ms finished_ms outcome" of rollout <count>
  local deadline=$((SECONDS + 60)) row
  until [[ $(deploys "$1" "$2") -ge $3 ]]; do
    ((SECONDS < deadline)) || { echo "push lost: rollout $3 of $2 did not start within 60 s" >&2; exit 1; }
    sleep 0.05
  done
  deadline=$((SECONDS + 180))
  while :; do
    row=$(db "$1" "select started_at_ms, coalesce(finished_at_ms, ''), outcome from deploys where app = '$2' order by started_at_ms desc limit 1")
    [[ "${row##*|}" != RUNNING ]] && break
    ((SECONDS < deadline)) || { echo "rollout $3 of $2 did not end within 180 s" >&2; exit 1; }
    sleep 0.2
  done
  [[ "${row##*|}" == SUCCEEDED ]] || { echo "rollout $3 of $2 ended ${row##*|}" >&2; exit 1; }
  echo "${row//|/ }"
}

manifest_put() { # registry-log from-line repo -> epoch seconds the registry stored the manifest
  python3 - "$1" "$2" "$3" <<'PY'
import re, sys
from datetime import datetime
log, start, repo = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for line in open(log).read().splitlines()[start:]:
    if ('msg="response completed"' in line and "http.request.method=PUT" in line
            and f"http.request.uri=/v2/{repo}/manifests/latest " in line):
        t = re.search(r'time="([^"]+)"', line).group(1)
        whole, frac = t.rstrip("Z").split(".")
        ts = datetime.fromisoformat(whole + "+00:00").timestamp()
        print(f"{ts + float('0.' + frac):.6f}")
        sys.exit(0)
sys.exit("no manifest PUT in " + log)
PY
}

# phase <name> <auto_deploy lines> <notify?>: writes one "latency_ms from_push_return_ms" per run
# to $work/<name>.runs and the windows (push start, rollout end) to $work/<name>.windows
phase() {
  local name="$1" auto="$2" notify="$3"
  local home="$homes_dir/$name" reg_port port proxy app repo log lines
  reg_port=$(free_port); port=$(free_port); proxy=$(free_port)
  app="b$name-${stamp: -5}"; repo="127.0.0.1:$reg_port/bench/$name-$stamp"
  apps+=("$app"); homes+=("$home"); repos+=("$repo")
  local hook=""
  [[ "$notify" == yes ]] && hook="http://127.0.0.1:$port/hooks/registry?secret=$SECRET"
  start_registry "$work/$name-registry" "$reg_port" "$hook"
  log="$work/$name-registry/registry.log"
  mkdir -p "$home" "$work/$name-app"
  write_config "$work/$name-app/dray.yml" "$app" "$repo" "$proxy" "$auto"
  start_server "$home" "$work/$name-app/dray.yml" "$port" "$work/$name-server.log"
  sleep 0.5 # the watcher's first HEAD finds no tag yet, so the first push is a change
  build "$repo" "${name}0"
  $DOCKER push -q "$repo:latest" >/dev/null
  await_rollout "$home" "$app" 1 >/dev/null
  echo "$(wc -l < "$log")" > "$work/$name.idle-start"
  if [[ "$name" == poll ]]; then sleep "$IDLE"; fi
  echo "$(wc -l < "$log")" > "$work/$name.idle-end"
  : > "$work/$name.windows"; : > "$work/$name.runs"
  for i in $(seq 1 "$RUNS"); do
    build "$repo" "$name$i"
    sleep "$(awk -v r="$RANDOM" -v i="$INTERVAL" 'BEGIN { printf "%.3f", r / 32768 * i }')"
    lines=$(wc -l < "$log")
    local t0; t0=$(now)
    $DOCKER push -q "$repo:latest" >/dev/null
    local returned; returned=$(now)
    local row; row=$(await_rollout "$home" "$app" $((i + 1)))
    local started=${row%% *} finished; finished=$(echo "$row" | cut -d' ' -f2)
    local put; put=$(manifest_put "$log" "$lines" "${repo#*/}")
    echo "$t0 $finished" >> "$work/$name.windows"
    awk -v s="$started" -v p="$put" -v r="$returned" 'BEGIN { printf "%d %d\n", s - p * 1000, s - r * 1000 }' >> "$work/$name.runs"
  done
}

echo "benchmark in $work ($RUNS pushes per phase, polling every ${INTERVAL}s)" >&2
echo "(a) registry notifications…" >&2
phase hook "  watch: {tag: latest, interval: 1h}   # names the tag; notifications bring new images
  registry_secret_env: DRAY_REGISTRY_HOOK_SECRET" yes
echo "(b) polling every ${INTERVAL}s…" >&2
phase poll "  watch: {tag: latest, interval: ${INTERVAL}s}" no
mapfile -t hook_runs < "$work/hook.runs"
mapfile -t poll_runs < "$work/poll.runs"

# registry requests of the polling phase by method and client; GETs only while a change rolled out
requests=$(python3 - "$work/poll-registry/registry.log" "$work/poll.windows" "$(cat "$work/poll.idle-start")" "$(cat "$work/poll.idle-end")" <<'PY'
import re, sys
from collections import Counter
from datetime import datetime
log, windows, idle_start, idle_end = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def when(line):
    whole, frac = re.search(r'time="([^"]+)"', line).group(1).rstrip("Z").split(".")
    return datetime.fromisoformat(whole + "+00:00").timestamp() + float("0." + frac)
spans = [(float(a), int(b) / 1000) for a, b in (l.split() for l in open(windows) if l.strip())]
dray, docker, idle, stray = Counter(), Counter(), Counter(), Counter()
for n, line in enumerate(open(log).read().splitlines()):
    if 'msg="response completed' not in line:
        continue
    method = re.search(r"http\.request\.method=(\S+)", line).group(1)
    agent = re.search(r'http\.request\.useragent=("[^"]*"|\S+)', line).group(1).strip('"')
    if agent == "bench-ready-check":
        continue
    (dray if agent.startswith("dray/") else docker)[method] += 1
    if idle_start <= n < idle_end:
        idle[method] += 1
    if method != "HEAD" and not any(a <= when(line) <= b for a, b in spans) and idle_end <= n:
        stray[method] += 1
fmt = lambda c: ", ".join(f"{m} {c[m]}" for m in sorted(c)) or "none"
print(f"dray (watcher + deployer): {fmt(dray)}")
print(f"docker (pushes + pulls): {fmt(docker)}")
print(f"idle window: {fmt(idle)}")
print(f"non-HEAD outside a push or rollout: {fmt(stray)}")
PY
)

stats() { # values… -> "median M max X"
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "median %d ms, max %d ms", m, v[NR] }'
}
column() { local i="$1"; shift; for r in "$@"; do echo "$r" | cut -d' ' -f"$i"; done; }
maxof() { printf '%s\n' "$@" | sort -n | tail -1; }
hook_l=($(column 1 "${hook_runs[@]}")); hook_r=($(column 2 "${hook_runs[@]}"))
poll_l=($(column 1 "${poll_runs[@]}")); poll_r=($(column 2 "${poll_runs[@]}"))
poll_target=$((INTERVAL * 1000 + 1000))
verdict() { (($1 <= $2)) && echo met || echo MISSED; }
verdict_lt() { (($1 < $2)) && echo met || echo MISSED; }

cat <<OUT

== auto-deploy latency ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average ${load_start} at start, $(cut -d' ' -f1-3 /proc/loadavg) at end)
(a) registry notification: push → rollout start   ${hook_l[*]} ms   ($(stats "${hook_l[@]}"))
    counted from docker push returning             ${hook_r[*]} ms
(b) polling every ${INTERVAL}s (jitter 0.1): push → rollout start   ${poll_l[*]} ms   ($(stats "${poll_l[@]}"))
    counted from docker push returning             ${poll_r[*]} ms
target (a) < 1000 ms: max $(maxof "${hook_l[@]}") ms  $(verdict_lt "$(maxof "${hook_l[@]}")" 1000)
target (b) <= interval + 1 s = ${poll_target} ms: max $(maxof "${poll_l[@]}") ms  $(verdict "$(maxof "${poll_l[@]}")" "$poll_target")
registry requests during (b), by method (the ${IDLE} s idle window has only the watcher's polls):
    $(echo "$requests" | sed '2,$s/^/    /')
OUT
