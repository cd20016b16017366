#!/usr/bin/env bash
# Benchmark: dray's per-stage registry cache against the users' original approach
# (one build, cache-from <repo>:latest, inline cache) on a fresh CI runner.
#
#   bash bench/build-cache.sh            (as root on Debian; starts the test environment)
#
# A "fresh runner" is simulated by removing every local image of the benchmark repositories, the
# base image, and the whole BuildKit cache (docker builder prune -af); the registry is kept.
# Figures and ratios are printed last. Knobs: PY_DEPS_MB (default 256), DEPS_SECONDS (20: how long
# the python-deps step takes, a modest stand-in for a 20-minute pip install), COMPILE_SECONDS (5),
# RUNS (5).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
PY_DEPS_MB="${PY_DEPS_MB:-256}"
COMPILE_SECONDS="${COMPILE_SECONDS:-5}"
DEPS_SECONDS="${DEPS_SECONDS:-20}"
RUNS="${RUNS:-5}"
DOCKER=/usr/bin/docker
stamp=$(date +%s)
registry=127.0.0.1:5000
dray_repo="$registry/bench-$stamp/dray-app"
users_repo="$registry/bench-$stamp/users-app"
work="$root/bench/out/$stamp"

bash scripts/test-env.sh up >/dev/null
JAVA_HOME="$(bash scripts/java-home.sh)"; export JAVA_HOME
./mvnw -B -ntp -q package -DskipTests >/dev/null
dray=("$root"/target/dray-*/dray-*/bin/dray)
dray="${dray[0]}"
export DRAY_HOME="$work/dray-home"

# --- the project: the bundled example, scaled up ------------------------------------------------
mkdir -p "$work/project"
cp -r example/. "$work/project/"
cd "$work/project"
sed -i "s/^ARG PY_DEPS_MB=.*/ARG PY_DEPS_MB=$PY_DEPS_MB/; s/RUN sleep 3 \&\& dd/RUN sleep $DEPS_SECONDS \&\& dd/; s/RUN sleep 2 \&\& mkdir -p \/opt\/app/RUN sleep $COMPILE_SECONDS \&\& mkdir -p \/opt\/app/" Dockerfile
sed -i "s#^image: .*#image: $dray_repo#; s/^  max_size: .*/  max_size: 2GB/" dray.yml
git init -q -b main . && git add -A && git -c user.email=b@e -c user.name=bench commit -qm init

change_code() { echo "<!-- change $1 $(date +%s%N) -->" >> app/www/index.html; }

fresh_runner() {
  local ids
  ids=$($DOCKER images --format '{{.Repository}}:{{.Tag}}' | grep -E "^($dray_repo|$users_repo|$registry/dray/busybox)" || true)
  [[ -n "$ids" ]] && $DOCKER rmi -f $ids >/dev/null 2>&1 || true
  $DOCKER builder prune -af >/dev/null
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

dray_build() { # label -> prints seconds; keeps the JSON report
  local t0; t0=$(now)
  "$dray" build --push --json > "$work/$1.json" 2> "$work/$1.log" || { cat "$work/$1.log" >&2; exit 1; }
  elapsed "$t0"
}

users_build() { # label -> prints seconds: their workflow's build-push step
  local t0; t0=$(now)
  {
    DOCKER_BUILDKIT=1 $DOCKER build --target runtime --cache-from "$users_repo:latest" \
      --build-arg BUILDKIT_INLINE_CACHE=1 -t "$users_repo:latest" . &&
    $DOCKER push "$users_repo:latest"
  } > "$work/$1.log" 2>&1 || { cat "$work/$1.log" >&2; exit 1; }
  elapsed "$t0"
}

dependency_reruns() { # json -> names of dependency stages that ran a step
  python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(",".join(s["name"] for s in r["stages"] if s["ranSteps"] and s["name"] in ("base", "python-deps", "node-deps")) or "none")
PY
}

echo "benchmark in $work (python-deps ${PY_DEPS_MB} MB in ${DEPS_SECONDS} s, compile ${COMPILE_SECONDS} s)" >&2
grep -q "RUN sleep $DEPS_SECONDS && dd" Dockerfile || { echo "could not set DEPS_SECONDS in the Dockerfile" >&2; exit 1; }
fresh_runner
echo "(a) cold full build with dray…" >&2
a=$(dray_build a)
change_code b
echo "(b) code-only change, warm local cache…" >&2
b=$(dray_build b)
change_code c; fresh_runner
echo "(c) code-only change on a fresh runner with dray…" >&2
c=$(dray_build c)

echo "(d) the users' approach: seed, then code-only changes on fresh runners…" >&2
fresh_runner
users_build d-seed >/dev/null
d_runs=()
for i in 1 2 3 4; do change_code "d$i"; fresh_runner; d_runs+=("$(users_build "d$i")"); done

echo "(e) $RUNS consecutive fresh-runner code changes with dray…" >&2
e_runs=(); e_reruns=()
for i in $(seq 1 "$RUNS"); do
  change_code "e$i"; fresh_runner
  e_runs+=("$(dray_build "e$i")")
  e_reruns+=("$(dependency_reruns "$work/e$i.json")")
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { printf "%.2f", x / y }'; }
e_med=$(median "${e_runs[@]}")
d_med=$(median "${d_runs[@]}")
cb=$(ratio "$c" "$b"); ed=$(ratio "$e_med" "$d_med")
reruns_ok=yes; for r in "${e_reruns[@]}"; do [[ $r == none ]] || reruns_ok=no; done
verdict() { awk -v x="$1" -v t="$2" 'BEGIN { print (x <= t) ? "met" : "MISSED" }'; }

cat <<OUT

== build cache benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, python-deps ${PY_DEPS_MB} MB in ${DEPS_SECONDS} s, compile ${COMPILE_SECONDS} s)
(a) cold full build, dray                         ${a} s
(b) code change, warm local cache, dray           ${b} s
(c) code change, fresh runner, dray               ${c} s
(d) code change, fresh runner, users' approach    ${d_runs[*]} s   (median ${d_med} s)
(e) ${RUNS} fresh-runner code changes, dray          ${e_runs[*]} s   (median ${e_med} s)
    dependency stages re-run in (e)               ${e_reruns[*]}
ratio (c)/(b)             ${cb}   target <= 1.5  $(verdict "$cb" 1.5)
ratio median(e)/median(d) ${ed}   target <= 0.5  $(verdict "$ed" 0.5)
no dependency re-run in (e): ${reruns_ok}
OUT
