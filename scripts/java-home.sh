#!/usr/bin/env bash
# Prints the home of a JDK 21+ (javac included) to build dray with: $JAVA_HOME if it qualifies,
# else the newest one under /usr/lib/jvm. Exits 1 with advice when there is none.
set -euo pipefail
major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1; }
for home in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  home="${home%/}"
  [[ -n "$home" && -x "$home/bin/javac" ]] || continue
  v=$(major "$home" || true)
  if [[ -n "$v" && "${v%%.*}" -ge 21 ]]; then echo "$home"; exit 0; fi
done
echo "no JDK 21+ found (JAVA_HOME or /usr/lib/jvm/*): install one, e.g. Temurin 21 or 25, and set JAVA_HOME" >&2
exit 1
