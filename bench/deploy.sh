#!/usr/bin/env bash
# Benchmark: dray's zero-downtime deploys under load, against the users' stop-first recreate.
#
#   bash bench/deploy.sh            (as root on Debian; starts the test environment)
#
# One run, on this host only (all traffic to 127.0.0.1):
#   - tiny web images v1, v2 (healthy) and v3-broken (/up never answers 200), each booting in
#     APP_BOOT_SECONDS like a real app and serving /version, /up and a CGI /cgi-bin/slow that takes
#     2 s; pushed to 127.0.0.1:5000/bench-deploy-<stamp>/app
#   - under load (wrk -c 50 -t 2 on /version through the proxy, plus SLOW_CLIENTS loops of 2-second
#     requests, plus a 20 ms probe): (a) dray deploy v2, (b) dray deploy v3-broken (must roll
#     back), (c) dray rollback; then (d) the users' way: the same image in a Compose file on another
#     port, `IMAGE_TAG=v2 docker-compose up -d` (recreates stop-first), downtime from the probe
#   - dray's overhead: dray deploy v2 --force (RUNS times, unloaded) minus the app's own
#     boot-to-healthy time (docker run + polling /up, RUNS times)
#   - fault injection: for each step k of the rollout plan, dray deploy --force is killed (SIGKILL)
#     as soon as its journal shows step k started; dray deploy of the same version must converge
#     (SUCCEEDED, one container per service, proxy serves it, killed rollout FAILED, lock free)
#     with 0 failed requests under load
# Figures are printed last. Knobs: RUNS (3), SLOW_CLIENTS (4), APP_BOOT_SECONDS (2), FAULT_STEPS
# (default: every step of the plan, e.g. "1 7 13").
# Cleans up its containers and the haproxy it made dray start; leaves the registry images.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
RUNS="${RUNS:-3}"
SLOW_CLIENTS="${SLOW_CLIENTS:-4}"
APP_BOOT_SECONDS="${APP_BOOT_SECONDS:-2}"
DOCKER=/usr/bin/docker
stamp=$(date +%s)
registry=127.0.0.1:5000
repo="$registry/bench-deploy-$stamp/app"
app="bd-$stamp"                        # short: the proxy's admin socket path must stay short
work="$root/bench/out/deploy-$stamp"
lua="$root/bench/deploy-wrk.lua"

bash scripts/test-env.sh up >/dev/null
if ! command -v docker-compose >/dev/null; then  # the users' tool, for the side-by-side phase (d)
  [[ $(id -u) == 0 ]] || { echo "error: docker-compose is missing; run: apt-get install docker-compose" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-compose >/dev/null
fi
JAVA_HOME="$(bash scripts/java-home.sh)"; export JAVA_HOME
./mvnw -B -ntp -q package -DskipTests >/dev/null
dray=("$root"/target/dray-*/dray-*/bin/dray)
dray="${dray[0]}"
export DRAY_HOME="$work/home"
mkdir -p "$DRAY_HOME" "$work/load"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
proxy_port=$(free_port)
users_port=$(free_port)
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
sql() { sqlite3 -cmd '.timeout 5000' "$DRAY_HOME/dray.db" "$1"; }
say() { echo "$*" >&2; }
die() { say "error: $*"; exit 1; }

# --- cleanup: only what this run started ----------------------------------------------------------
cleanup() {
  touch "$work/load/stop" 2>/dev/null || true
  local p ids
  for p in $(jobs -p); do kill "$p" 2>/dev/null || true; done  # this shell's own background jobs
  ids="$($DOCKER ps -aq --filter "label=dray.app=$app" 2>/dev/null || true)"
  ids+=" $($DOCKER ps -aq --filter "label=bench-deploy=$stamp" 2>/dev/null || true)"
  [[ -f "$work/users/docker-compose.yml" ]] &&
    (cd "$work/users" && COMPOSE_PROJECT_NAME="$app-users" docker-compose down >/dev/null 2>&1 || true)
  [[ -n "${ids// /}" ]] && $DOCKER rm -f $ids >/dev/null 2>&1 || true
  local pidfile="$DRAY_HOME/proxy/$app/haproxy.pid"
  if [[ -f "$pidfile" ]]; then
    for p in $(cat "$pidfile"); do
      # only an haproxy running from this run's state directory
      grep -qaF "$DRAY_HOME/proxy/$app/" "/proc/$p/cmdline" 2>/dev/null && kill "$p" 2>/dev/null || true
    done
  fi
}
trap cleanup EXIT

# --- images ---------------------------------------------------------------------------------------
build_image() { # version healthy(yes|no)
  local ctx="$work/images/$1"
  mkdir -p "$ctx/www/cgi-bin"
  echo "$1" > "$ctx/www/version"
  [[ $2 == yes ]] && echo ok > "$ctx/www/up"
  printf '#!/bin/sh\nsleep 2\nprintf "Content-Type: text/plain\\r\\n\\r\\n"\ncat /www/version\n' > "$ctx/www/cgi-bin/slow"
  chmod +x "$ctx/www/cgi-bin/slow"
  cat > "$ctx/Dockerfile" <<EOF
FROM $registry/dray/busybox:1
COPY www /www
CMD ["sh", "-c", "sleep $APP_BOOT_SECONDS; exec httpd -f -p 80 -h /www"]
EOF
  { DOCKER_BUILDKIT=1 $DOCKER build -t "$repo:$1" "$ctx" && $DOCKER push "$repo:$1"; } > "$work/image-$1.log" 2>&1 \
    || { cat "$work/image-$1.log" >&2; die "building $repo:$1 failed"; }
}

# --- the app --------------------------------------------------------------------------------------
mkdir -p "$work/app"
cat > "$work/app/dray.yml" <<EOF
service: $app
image: $repo
servers: [local]
proxy: {port: $proxy_port, bind: 127.0.0.1, drain_timeout: 10s, health_timeout: 30s}
services:
  web:
    port: 80
    healthcheck: {path: /up, interval: 250ms, timeout: 1s, retries: 40}
  worker:
    role: worker
    command: [sh, -c, "while true; do sleep 1; done"]
retention: {keep: 3}
EOF
cfg="$work/app/dray.yml"
drayc() { "$dray" "$1" -c "$cfg" "${@:2}"; }  # command, then its options and arguments

# --- load: wrk + slow requests + a 20 ms probe ----------------------------------------------------
load_start() { # label port
  local d="$work/load/$1"
  mkdir -p "$d"
  rm -f "$work/load/stop"
  wrk -c 50 -t 2 -d 300s --timeout 5s -s "$lua" "http://127.0.0.1:$2/version" > "$d/wrk.out" 2>&1 &
  load_wrk=$!
  load_loops=()
  for i in $(seq 1 "$SLOW_CLIENTS"); do
    ( while [[ ! -e "$work/load/stop" ]]; do
        t=$(now)
        c=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$2/cgi-bin/slow" || true)
        echo "$t $c" >> "$d/slow.$i"
      done ) &
    load_loops+=("$!")
  done
  ( while [[ ! -e "$work/load/stop" ]]; do
      t=$(now)
      c=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$2/version" || true)
      echo "$t $c" >> "$d/probe"
      sleep 0.02
    done ) &
  load_loops+=("$!")
  sleep 1
}

load_stop() { # label -> sets load_requests load_failed load_wrk_failed load_slow_failed load_downtime
  local d="$work/load/$1"
  sleep 1
  kill -INT "$load_wrk" 2>/dev/null || true
  touch "$work/load/stop"
  wait "$load_wrk" "${load_loops[@]}" 2>/dev/null || true
  local line
  line=$(grep '^wrk-summary' "$d/wrk.out" || true)
  [[ -n "$line" ]] || { cat "$d/wrk.out" >&2; die "wrk printed no summary for $1"; }
  local wrk_req wrk_fail slow_req slow_fail
  # wrk counts completed requests (non-2xx included); refused connections, read errors and
  # timeouts are attempts on top of them
  wrk_req=$(awk '{ n = 0; for (i = 2; i <= 6; i++) { split($i, kv, "="); n += kv[2] } print n }' <<< "$line")
  wrk_fail=$(awk '{ n = 0; for (i = 3; i <= 7; i++) { split($i, kv, "="); n += kv[2] } print n }' <<< "$line")
  slow_req=$(cat "$d"/slow.* 2>/dev/null | wc -l || true)
  slow_fail=$(cat "$d"/slow.* 2>/dev/null | grep -vc ' 200$' || true)
  load_requests=$((wrk_req + slow_req))
  load_wrk_failed=$wrk_fail
  load_slow_failed=$slow_fail
  load_failed=$((wrk_fail + slow_fail))
  # downtime: first failed probe to the first successful one after it
  load_downtime=$(awk '$2 != "200" && !f { f = $1 } $2 == "200" && f && !s { s = $1 }
    END { if (!f) print "0.00"; else if (!s) print "never recovered"; else printf "%.2f\n", s - f }' "$d/probe")
}

# haproxy's own counters, read from its admin socket: how often a backend had no server left (its
# chkdown: then every request gets a 503) and how many 5xx answers the frontends sent
proxy_counters() {
  python3 - "$DRAY_HOME/proxy/$app/admin.sock" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(b"show stat\n")
out = b""
while True:
    b = s.recv(65536)
    if not b:
        break
    out += b
downs = fives = 0
for line in out.decode().splitlines():
    f = line.split(",")
    if line.startswith("#") or len(f) < 45:
        continue
    if f[1] == "BACKEND":
        downs += int(f[22] or 0)
    if f[1] == "FRONTEND":
        fives += int(f[43] or 0)
print(downs, fives)
PY
}
proxy_mark() { read -r mark_downs mark_5xx < <(proxy_counters); }
proxy_since() { # -> "" or "backend without server N×, M 5xx from haproxy"
  local d f; read -r d f < <(proxy_counters)
  d=$((d - mark_downs)); f=$((f - mark_5xx))
  ((d + f > 0)) && echo "haproxy: backend had no server ${d}×, sent $f 5xx" || true
}

serves() { curl -s --max-time 5 "http://127.0.0.1:$1/version" || true; }

# ---------------------------------------------------------------------------------------------------
load_before=$(cut -d' ' -f1 /proc/loadavg)
say "benchmark in $work (app $app, proxy on 127.0.0.1:$proxy_port, users' container on 127.0.0.1:$users_port)"
say "building and pushing v1, v2, v3-broken…"
build_image v1 yes; build_image v2 yes; build_image v3-broken no

say "initial dray deploy v1 (no load)…"
drayc deploy v1 > "$work/deploy-v1.log" 2>&1 || { cat "$work/deploy-v1.log" >&2; die "dray deploy v1 failed"; }
[[ $(serves "$proxy_port") == v1 ]] || die "the proxy does not serve v1 after dray deploy v1"

declare -A ph_wall ph_req ph_fail ph_wf ph_sf ph_down ph_note ph_rep ph_proxy
phase() { # key label expect-exit-ok(yes|no) dray-args…
  local key=$1 label=$2 ok=$3; shift 3
  say "($key) $label under load…"
  proxy_mark
  load_start "$key" "$proxy_port"
  local t0 rc=0; t0=$(now)
  drayc "$@" > "$work/$key.log" 2>&1 || rc=$?
  ph_wall[$key]=$(elapsed "$t0")
  load_stop "$key"
  if [[ $ok == yes && $rc -ne 0 ]]; then cat "$work/$key.log" >&2; die "dray $* failed"; fi
  ph_req[$key]=$load_requests; ph_fail[$key]=$load_failed
  ph_wf[$key]=$load_wrk_failed; ph_sf[$key]=$load_slow_failed; ph_down[$key]=$load_downtime
  ph_rep[$key]=$(reported)
  ph_proxy[$key]=$(proxy_since)
}
reported() { # seconds of the app's latest rollout by dray's own record (no JVM start, no wiring)
  sql "select printf('%.1f', (finished_at_ms - started_at_ms) / 1000.0) from deploys where app = '$app' order by started_at_ms desc limit 1"
}
last_deploy() { sql "select kind || ' ' || version || ' ' || outcome from deploys where app = '$app' order by started_at_ms desc limit 1"; }

phase a "dray deploy v2" yes deploy v2
ph_note[a]="$(last_deploy), serving $(serves "$proxy_port")"
phase b "dray deploy v3-broken" no deploy v3-broken
ph_note[b]="$(last_deploy), serving $(serves "$proxy_port")"
b_ok=no; [[ ${ph_note[b]} == "deploy v3-broken ROLLED_BACK, serving v2" ]] && b_ok=yes
phase c "dray rollback" yes rollback
ph_note[c]="$(last_deploy), serving $(serves "$proxy_port")"
rollback_wall=${ph_wall[c]}

# --- (d) the users' way: docker-compose up -d with a new IMAGE_TAG (recreates stop-first) ---------
users_dir="$work/users"
mkdir -p "$users_dir"
cat > "$users_dir/docker-compose.yml" <<EOF
version: "3.8"
services:
  web:
    image: $repo:\${IMAGE_TAG:-v1}
    ports: ["127.0.0.1:$users_port:80"]
    labels: {bench-deploy: "$stamp"}
EOF
compose() { (cd "$users_dir" && COMPOSE_PROJECT_NAME="$app-users" docker-compose "$@"); }
await_up() { # port timeout-seconds
  local t0; t0=$(now)
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$1/up" || true) == 200 ]]; do
    awk -v a="$t0" -v b="$(now)" -v t="$2" 'BEGIN { exit !(b - a > t) }' && return 1
    sleep 0.02
  done
}
say "(d) the users' way: IMAGE_TAG=v2 docker-compose up -d under load…"
IMAGE_TAG=v1 compose up -d > "$work/d-compose-v1.log" 2>&1 || { cat "$work/d-compose-v1.log" >&2; die "docker-compose up -d (v1) failed"; }
await_up "$users_port" 30 || die "the users' v1 container did not come up"
load_start d "$users_port"
t0=$(now)
IMAGE_TAG=v2 compose up -d > "$work/d-compose-v2.log" 2>&1 || { cat "$work/d-compose-v2.log" >&2; die "docker-compose up -d (v2) failed"; }
await_up "$users_port" 30 || die "the users' v2 container did not come up"
ph_wall[d]=$(elapsed "$t0")
load_stop d
ph_req[d]=$load_requests; ph_fail[d]=$load_failed; ph_wf[d]=$load_wrk_failed
ph_sf[d]=$load_slow_failed; ph_down[d]=$load_downtime; ph_note[d]="serving $(serves "$users_port")"
compose down > "$work/d-compose-down.log" 2>&1 || true

# --- dray's overhead ---------------------------------------------------------------------------------
say "overhead: app boot-to-healthy (docker run + polling /up), $RUNS runs…"
boot_runs=()
for i in $(seq 1 "$RUNS"); do
  t0=$(now)
  cid=$($DOCKER run -d --label "bench-deploy=$stamp" -p 127.0.0.1::80 "$repo:v2")
  port=$($DOCKER port "$cid" 80/tcp | head -1 | sed 's/.*://')
  await_up "$port" 30 || die "the v2 container did not become healthy"
  boot_runs+=("$(elapsed "$t0")")
  $DOCKER rm -f "$cid" >/dev/null
done
say "overhead: dray deploy v2 --force (no load), $RUNS runs…"
rollout_runs=(); rollout_reported=()
for i in $(seq 1 "$RUNS"); do
  t0=$(now)
  drayc deploy v2 --force > "$work/overhead-$i.log" 2>&1 || { cat "$work/overhead-$i.log" >&2; die "dray deploy v2 --force failed"; }
  rollout_runs+=("$(elapsed "$t0")")
  rollout_reported+=("$(reported)")
done
[[ $(serves "$proxy_port") == v2 ]] || die "the proxy does not serve v2 after the overhead runs"

# --- fault injection --------------------------------------------------------------------------------
drayc deploy v1 --force --plan > "$work/plan.txt" 2>&1 || { cat "$work/plan.txt" >&2; die "dray deploy --plan failed"; }
mapfile -t plan_steps < <(grep -E '^[0-9]+\. ' "$work/plan.txt")
N=${#plan_steps[@]}
((N > 0)) || { cat "$work/plan.txt" >&2; die "the plan has no steps"; }
fault_steps=(${FAULT_STEPS:-$(seq 1 "$N")})

state_problems() { # version killed-deploy-id -> problems[]: how the app differs from converged
  problems=()
  local latest running got outcome
  latest=$(last_deploy)
  [[ $latest == "deploy $1 SUCCEEDED" ]] || problems+=("last record: $latest")
  running=$($DOCKER ps --filter "label=dray.app=$app" --format '{{.Label "dray.service"}}={{.Label "dray.version"}}' | sort | tr '\n' ' ')
  [[ $running == "web=$1 worker=$1 " ]] || problems+=("running: ${running% }")
  got=$(serves "$proxy_port")
  [[ $got == "$1" ]] || problems+=("proxy serves '$got'")
  if [[ -n "$2" ]]; then
    outcome=$(sql "select outcome from deploys where id = '$2'")
    [[ $outcome == FAILED ]] || problems+=("killed rollout $outcome")
  fi
  [[ $(sql "select count(*) from deploy_locks where app = '$app'") == 0 ]] || problems+=("lock held")
}

say "fault injection: steps ${fault_steps[*]} of $N, each killed once under load…"
current=v2
fi_converged=0; fi_failed_total=0
fi_rows=(); fi_late=()
for k in "${fault_steps[@]}"; do
  other=v1; [[ $current == v1 ]] && other=v2
  label="f$k"
  proxy_mark
  load_start "$label" "$proxy_port"
  launched_ms=$(date +%s%3N)
  "$dray" deploy -c "$cfg" "$other" --force > "$work/$label-killed.log" 2>&1 &
  jvm=$!  # bin/dray execs java: $! is the JVM
  seen=no; deadline=$(( $(date +%s) + 120 ))
  while kill -0 "$jvm" 2>/dev/null && (( $(date +%s) < deadline )); do
    n=$(sql "select count(*) from deploy_steps s join deploys d on d.id = s.deploy_id
             where d.app = '$app' and d.started_at_ms >= $launched_ms
               and s.step like '$k. %' and s.state = 'STARTED'" 2>/dev/null || echo 0)
    if [[ $n -ge 1 ]]; then kill -9 "$jvm"; seen=yes; break; fi
    sleep 0.02  # a busy loop would take a core from the rollout it watches
  done
  kill -9 "$jvm" 2>/dev/null || true
  { wait "$jvm"; } 2>/dev/null || true
  killed_id=$(sql "select id from deploys where app = '$app' and started_at_ms >= $launched_ms order by started_at_ms limit 1")
  at=$(sql "select step || ' ' || state from deploy_steps where deploy_id = '$killed_id' order by seq desc limit 1")
  at_short="${at%%.*} ${at##* }"   # step number and state of the journal's last line
  ended=$(sql "select outcome from deploys where id = '$killed_id'")
  if [[ $seen == yes && -n "$ended" && $ended != RUNNING ]]; then
    # the rollout finished between the journal line and the SIGKILL: nothing was interrupted
    load_stop "$label"
    fi_late+=("$k")
    fi_failed_total=$((fi_failed_total + load_failed))
    fi_rows+=("$(printf '%-3s %-46.46s %-10s %-9s %-6s %s' "$k" "${plan_steps[$((k - 1))]#*. }" \
      "$at_short" "not tested" "$load_failed" "($load_wrk_failed/$load_slow_failed, $load_requests req) the rollout ended $ended before the SIGKILL")")
    say "  step $k: the rollout ended $ended before the SIGKILL; not tested"
    current=$other
    continue
  fi
  rc=0
  drayc deploy "$other" > "$work/$label-again.log" 2>&1 || rc=$?
  state_problems "$other" "$killed_id"
  [[ $seen == yes ]] || problems+=("step $k never started")
  [[ -n "$killed_id" ]] || problems+=("no rollout was left running")
  [[ $rc -eq 0 ]] || problems+=("redeploy exit $rc")
  grep -q '^already running' "$work/$label-again.log" && problems+=("redeploy: already running, nothing to do")
  load_stop "$label"
  if ((${#problems[@]} == 0)); then conv=yes; fi_converged=$((fi_converged + 1)); else conv=no; fi
  px=$(proxy_since); [[ -n "$px" ]] && problems+=("$px")
  fi_failed_total=$((fi_failed_total + load_failed))
  note=""; ((${#problems[@]})) && note=$(IFS=';'; echo "${problems[*]}")
  if [[ $conv == no ]]; then
    # so that the next step starts from a clean state: the documented repair, then the deploy again
    drayc recover > "$work/$label-recover.log" 2>&1 || true
    drayc deploy "$other" > "$work/$label-repair.log" 2>&1 || true
    state_problems "$other" "$killed_id"
    if ((${#problems[@]} == 0)); then note+="; then dray recover + deploy: converged"
    else note+="; then dray recover + deploy: still $(IFS=';'; echo "${problems[*]}")"; fi
  fi
  fi_rows+=("$(printf '%-3s %-46.46s %-10s %-9s %-6s %s' "$k" "${plan_steps[$((k - 1))]#*. }" \
    "$at_short" "$conv" "$load_failed" "($load_wrk_failed/$load_slow_failed, $load_requests req) $note")")
  say "  step $k: killed at '${at:-?}', converged $conv ${note:+($note)}"
  current=$other
done

# --- figures -----------------------------------------------------------------------------------------
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
boot_med=$(median "${boot_runs[@]}")
rollout_med=$(median "${rollout_runs[@]}")
reported_med=$(median "${rollout_reported[@]}")
overhead=$(awk -v a="$rollout_med" -v b="$boot_med" 'BEGIN { printf "%.1f", a - b }')
overhead_reported=$(awk -v a="$reported_med" -v b="$boot_med" 'BEGIN { printf "%.1f", a - b }')
fi_tested=$(( ${#fault_steps[@]} - ${#fi_late[@]} ))
le() { awk -v x="$1" -v t="$2" 'BEGIN { print (x <= t) ? "met" : "MISSED" }'; }
dray_failed=$((ph_fail[a] + ph_fail[b] + ph_fail[c]))
row() { printf '%-34s %6s s %6s %9s %8s %-11s %-8s %s\n' "$1" "${ph_wall[$2]}" "${ph_rep[$2]:--}" "${ph_req[$2]}" "${ph_fail[$2]}" "(${ph_wf[$2]}/${ph_sf[$2]})" "${ph_down[$2]}" "${ph_note[$2]}${ph_proxy[$2]:+; ${ph_proxy[$2]}}"; }

cat <<OUT

== zero-downtime deploy benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average ${load_before} → $(cut -d' ' -f1 /proc/loadavg), load: wrk -c 50 -t 2 + $SLOW_CLIENTS × 2-s requests, app boot ${APP_BOOT_SECONDS} s)
phase (under load)                   wall  dray's  requests   failed (wrk/slow)  downtime result
$(row "(a) dray deploy v2" a)
$(row "(b) dray deploy v3-broken" b)
$(row "(c) dray rollback" c)
$(row "(d) users: docker-compose up -d" d)
app boot-to-healthy (docker run → /up 200)  ${boot_runs[*]} s   (median ${boot_med} s)
dray deploy v2 --force, wall clock          ${rollout_runs[*]} s   (median ${rollout_med} s; dray's own report ${reported_med} s)
dray's overhead (rollout − app boot)        ${overhead} s   (${overhead_reported} s by dray's own record: without JVM start, wiring, lock, recovery)
fault injection: SIGKILL when step k of $N started, then dray deploy of the same version
k   step                                           killed at  converged failed (wrk/slow, requests)
$(printf '%s\n' "${fi_rows[@]}")
failed requests in (a)(b)(c)    ${dray_failed}   target 0       $(le "$dray_failed" 0)
(b) rolled back, v2 serving     ${b_ok}
users' downtime (d)             ${ph_down[d]} s, ${ph_fail[d]} failed requests
rollback time (c)               ${ph_rep[c]} s by dray's record   target <= 10 s  $(le "${ph_rep[c]}" 10)   (wall clock ${rollback_wall} s, JVM start under load included)
dray's overhead                 ${overhead} s   target <= 5 s   $(le "$overhead" 5)
fault steps converged           ${fi_converged}/${fi_tested}   target ${fi_tested}/${fi_tested}  $( ((fi_converged == fi_tested)) && echo met || echo MISSED)${fi_late[*]:+   (not tested, the rollout ended before the SIGKILL: ${fi_late[*]})}
failed requests in fault runs   ${fi_failed_total}   target 0       $(le "$fi_failed_total" 0)
OUT
