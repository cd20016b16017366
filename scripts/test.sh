#!/usr/bin/env bash
# Runs all of dray's tests: unit tests, then integration tests against the real dockerd and
# registries that scripts/test-env.sh installs and starts. Format and static checks included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-env.sh up
JAVA_HOME="$(bash scripts/java-home.sh)"
export JAVA_HOME
./mvnw -B -ntp verify "$@"
