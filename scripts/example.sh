#!/usr/bin/env bash
# Runs dray's main job on the bundled example: builds the example app's multi-stage Dockerfile with
# per-stage registry cache, tags, labels and pushes it to the local registry, then deploys it with
# zero downtime behind HAProxy on http://127.0.0.1:8080 (web + worker, database backup, migration).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/test-env.sh up
JAVA_HOME="$(bash scripts/java-home.sh)"
export JAVA_HOME
dray_bin=(target/dray-*/dray-*/bin/dray)
if [[ ! -x "${dray_bin[0]}" || -n "$(find src pom.xml -newer "${dray_bin[0]}" -print -quit)" ]]; then
  ./mvnw -B -ntp -q package -DskipTests
fi
dray_bin=("$root"/target/dray-*/dray-*/bin/dray)
dray="${dray_bin[0]}"
export PGPASSWORD="${PGPASSWORD:-dray-secret}"   # the test database's password, for the backup hook
cd example
"$dray" build --push "$@"
"$dray" deploy
echo
echo "http://127.0.0.1:8080/ answers: $(curl -fsS http://127.0.0.1:8080/up)"
"$dray" status
