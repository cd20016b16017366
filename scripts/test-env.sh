#!/usr/bin/env bash
# dray's test environment: installs (Debian, as root) and starts what the tests and the bundled
# example need, all on 127.0.0.1:
#   - dockerd (Debian's docker.io, BuildKit built in) on /var/run/docker.sock
#   - a CNCF registry without auth on 127.0.0.1:5000
#   - a CNCF registry with htpasswd auth on 127.0.0.1:5001 (user dray / password dray-secret)
#   - the offline base image 127.0.0.1:5000/dray/busybox:1 (busybox-static + docker import),
#     since no image can be pulled from the internet here
#   - haproxy (the edge proxy dray drives; dray starts its own instances), wrk for load,
#     chromium for the dashboard browser tests
#   - PostgreSQL on 127.0.0.1:5432 with role/database dray (password dray-secret), for backup
#     hooks and the shared store
#
# Usage: scripts/test-env.sh [up|down|status|env]     (default: up; idempotent)
# State (logs, pids, registry data) lives in $DRAY_ENV_DIR (default /var/tmp/dray-env).
set -euo pipefail

ENV_DIR="${DRAY_ENV_DIR:-/var/tmp/dray-env}"
DOCKER_SOCK=/var/run/docker.sock
REGISTRY_PORT=5000
AUTH_REGISTRY_PORT=5001
AUTH_USER=dray
AUTH_PASSWORD=dray-secret
BASE_IMAGE="127.0.0.1:${REGISTRY_PORT}/dray/busybox:1"
PACKAGES=(docker.io docker-registry busybox-static apache2-utils git curl ca-certificates haproxy wrk postgresql postgresql-client chromium sqlite3)

say() { printf '[test-env] %s\n' "$*" >&2; }
die() { printf '[test-env] error: %s\n' "$*" >&2; exit 1; }

# The Debian client (20.10) has BuildKit built in; /usr/local/bin/docker may lack buildx.
docker_cli() { if [[ -x /usr/bin/docker ]]; then /usr/bin/docker "$@"; else docker "$@"; fi; }

require_debian_root() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  if [[ $(id -u) -ne 0 || ! -f /etc/debian_version ]]; then
    die "missing packages: ${missing[*]}. This script installs them with apt-get on Debian as root.
  Otherwise provide: a Docker Engine on $DOCKER_SOCK (or DOCKER_HOST), a CNCF registry on
  127.0.0.1:$REGISTRY_PORT, one with htpasswd auth ($AUTH_USER/$AUTH_PASSWORD) on 127.0.0.1:$AUTH_REGISTRY_PORT,
  and the image $BASE_IMAGE (any small image with a POSIX shell)."
  fi
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pid_alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

docker_up() { docker_cli version --format '{{.Server.Version}}' >/dev/null 2>&1; }

start_dockerd() {
  if docker_up; then say "dockerd already running ($(docker_cli version --format '{{.Server.Version}}'))"; return; fi
  [[ $(id -u) -eq 0 ]] || die "dockerd is not running and only root can start it: run 'sudo dockerd &' or this script as root"
  say "starting dockerd (log: $ENV_DIR/dockerd.log)"
  nohup dockerd --host "unix://$DOCKER_SOCK" >"$ENV_DIR/dockerd.log" 2>&1 &
  echo $! >"$ENV_DIR/dockerd.pid"
  for _ in $(seq 1 60); do docker_up && return; sleep 0.5; done
  tail -20 "$ENV_DIR/dockerd.log" >&2
  die "dockerd did not come up within 30s (log above)"
}

registry_up() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/v2/" 2>/dev/null | grep -qE '^(200|401)$'; }

start_registry() { # name port auth(yes|no)
  local name=$1 port=$2 auth=$3 dir="$ENV_DIR/$1"
  if registry_up "$port"; then say "registry $name already answering on 127.0.0.1:$port"; return; fi
  mkdir -p "$dir/data"
  {
    echo "version: 0.1"
    echo "log: {level: warn}"
    echo "storage:"
    echo "  filesystem: {rootdirectory: $dir/data}"
    echo "  delete: {enabled: true}"
    echo "http: {addr: 127.0.0.1:$port}"
    if [[ $auth == yes ]]; then
      htpasswd -Bbc "$dir/htpasswd" "$AUTH_USER" "$AUTH_PASSWORD" >/dev/null 2>&1
      echo "auth: {htpasswd: {realm: dray-test, path: $dir/htpasswd}}"
    fi
  } >"$dir/config.yml"
  say "starting registry $name on 127.0.0.1:$port (log: $dir/registry.log)"
  nohup docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
  echo $! >"$dir/registry.pid"
  for _ in $(seq 1 40); do registry_up "$port" && return; sleep 0.25; done
  tail -20 "$dir/registry.log" >&2
  die "registry $name did not answer on 127.0.0.1:$port"
}

build_base_image() {
  if curl -sf -o /dev/null -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
      "http://127.0.0.1:$REGISTRY_PORT/v2/dray/busybox/manifests/1"; then
    say "base image $BASE_IMAGE present"
    return
  fi
  say "building offline base image $BASE_IMAGE from busybox-static"
  local root; root=$(mktemp -d)
  mkdir -p "$root"/{bin,etc,tmp,root,var/www,proc,sys,dev}
  cp /bin/busybox "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [[ -e "$root/bin/$applet" ]] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  chmod 1777 "$root/tmp"
  tar -C "$root" -c . | docker_cli import \
    -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' - "$BASE_IMAGE" >/dev/null
  rm -rf "$root"
  docker_cli push "$BASE_IMAGE" >/dev/null
}

postgres_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

start_postgres() {
  if ! postgres_up; then
    [[ $(id -u) -eq 0 ]] || die "PostgreSQL is not running on 127.0.0.1:5432 and only root can start it"
    local version; version=$(ls /usr/lib/postgresql | sort -V | tail -1)
    say "starting PostgreSQL $version"
    pg_lsclusters -h 2>/dev/null | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
    pg_ctlcluster "$version" main start
    echo "$version" >"$ENV_DIR/postgres.started"
    for _ in $(seq 1 40); do postgres_up && break; sleep 0.25; done
    postgres_up || die "PostgreSQL did not start (see /var/log/postgresql/)"
  else
    say "PostgreSQL already answering on 127.0.0.1:5432"
  fi
  if ! PGPASSWORD=$AUTH_PASSWORD psql -h 127.0.0.1 -U dray -d dray -Atc 'select 1' >/dev/null 2>&1; then
    su postgres -c "psql -q -v ON_ERROR_STOP=1" >/dev/null <<SQL
do \$body\$ begin
  if not exists (select from pg_roles where rolname = 'dray') then
    create role dray login password '$AUTH_PASSWORD';
  end if;
end \$body\$;
SQL
    su postgres -c "psql -Atc \"select 1 from pg_database where datname = 'dray'\"" | grep -q 1 ||
      su postgres -c "createdb -O dray dray"
  fi
}

print_env() {
  cat <<EOF
DOCKER_HOST=unix://$DOCKER_SOCK
DRAY_TEST_REGISTRY=127.0.0.1:$REGISTRY_PORT
DRAY_TEST_AUTH_REGISTRY=127.0.0.1:$AUTH_REGISTRY_PORT
DRAY_TEST_AUTH_USER=$AUTH_USER
DRAY_TEST_AUTH_PASSWORD=$AUTH_PASSWORD
DRAY_TEST_BASE_IMAGE=$BASE_IMAGE
DRAY_TEST_POSTGRES=postgresql://dray:$AUTH_PASSWORD@127.0.0.1:5432/dray
EOF
}

stop_pid() {
  local f=$1
  if pid_alive "$f"; then say "stopping $(basename "$(dirname "$f")")/$(basename "$f" .pid) (pid $(cat "$f"))"; kill "$(cat "$f")"; fi
  rm -f "$f"
}

case "${1:-up}" in
  up)
    mkdir -p "$ENV_DIR"
    require_debian_root
    start_dockerd
    start_registry registry "$REGISTRY_PORT" no
    start_registry auth-registry "$AUTH_REGISTRY_PORT" yes
    build_base_image
    start_postgres
    say "ready"
    ;;
  down)
    # Stops only what this script started (by recorded PID).
    stop_pid "$ENV_DIR/registry/registry.pid"
    stop_pid "$ENV_DIR/auth-registry/registry.pid"
    stop_pid "$ENV_DIR/dockerd.pid"
    if [[ -f "$ENV_DIR/postgres.started" ]]; then
      say "stopping PostgreSQL"; pg_ctlcluster "$(cat "$ENV_DIR/postgres.started")" main stop || true
      rm -f "$ENV_DIR/postgres.started"
    fi
    ;;
  status)
    docker_up && say "dockerd: up" || say "dockerd: down"
    registry_up "$REGISTRY_PORT" && say "registry :$REGISTRY_PORT: up" || say "registry :$REGISTRY_PORT: down"
    registry_up "$AUTH_REGISTRY_PORT" && say "registry :$AUTH_REGISTRY_PORT: up" || say "registry :$AUTH_REGISTRY_PORT: down"
    postgres_up && say "postgres :5432: up" || say "postgres :5432: down"
    ;;
  env) print_env ;;
  *) die "usage: $0 [up|down|status|env]" ;;
esac
