#!/usr/bin/env bash
# Runs dray's main job on the bundled example: builds the example app's multi-stage Dockerfile
# with per-stage registry cache, tags and labels it, and pushes it to the local registry.
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
cd example
dray_bin=("$root"/target/dray-*/dray-*/bin/dray)
"${dray_bin[0]}" build --push "$@"
