#!/usr/bin/env bash
# The scale-out setup on loopback: one PostgreSQL, two app instances, nginx in front.
#   scripts/cluster.sh start DIR        -> prints the nginx base URL; state in DIR (env, logs, pids)
#   scripts/cluster.sh stop DIR         -> stops everything and removes DIR
#   scripts/cluster.sh kill-app DIR N   -> kill -9 instance N (1 or 2)
#   scripts/cluster.sh start-app DIR N  -> starts instance N again and waits until it is healthy
#   scripts/cluster.sh restart-db DIR   -> crash-restarts PostgreSQL (immediate stop, then start)
# Settings (environment): CONFIG (Debug|Release, default Debug: the build output is reused, built when missing),
# RESIDENTS (demo-city size seeded by instance 1, default 2000), PG_DURABLE (default 1 here), EXTRA_SETTINGS
# (file of KEY=VALUE lines passed to both instances, e.g. bench/cluster.env).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cmd=${1:?start|stop|kill-app|start-app|restart-db}
dir=${2:?state directory}
config=${CONFIG:-Debug}
dll="$root/src/Adminduk.Web/bin/$config/net10.0/Adminduk.Web.dll"

free_port() {
  local p
  for p in $(seq "$1" $(($1 + 200))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  return 1
}

wait_healthy() {
  local url=$1 log=$2
  for _ in $(seq 1 240); do
    if curl -fsS "$url/health" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  echo "not healthy: $url" >&2
  tail -50 "$log" >&2
  return 1
}

start_app() {
  local n=$1
  # shellcheck disable=SC1091
  source "$dir/env"
  local port_var="APP${n}_PORT"
  local port=${!port_var}
  local seed=false
  [ "$n" = 1 ] && seed=true
  (
    cd "$root/src/Adminduk.Web"
    export ASPNETCORE_URLS="http://127.0.0.1:$port"
    export ASPNETCORE_ENVIRONMENT=Production
    export Database__Provider=Postgres
    export ConnectionStrings__Adminduk="$PG"
    export ForwardedHeaders__KnownProxies__0=127.0.0.1
    export OneTimeCodes__HashKey="$OTP_KEY"
    export Seed__OnStartup=$seed
    export Seed__Residents="${RESIDENTS:-2000}"
    export Instance__Name="app$n"
    if [ -n "${EXTRA_SETTINGS:-}" ]; then
      set -a
      # shellcheck disable=SC1090
      source "$EXTRA_SETTINGS"
      set +a
    fi
    exec dotnet "$dll" --contentRoot "$root/src/Adminduk.Web"
  ) >>"$dir/app$n.log" 2>&1 &
  echo $! >"$dir/app$n.pid"
  wait_healthy "http://127.0.0.1:$port" "$dir/app$n.log"
}

case "$cmd" in
  start)
    command -v nginx >/dev/null || { echo "nginx is missing (apt-get install nginx)" >&2; exit 1; }
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ ! -f "$dll" ]; then
      dotnet build "$root/src/Adminduk.Web" -c "$config" --nologo -v q >/dev/null
    fi
    pg=$(PG_DURABLE=${PG_DURABLE:-1} "$root/scripts/pg-cluster.sh" start "$dir/pg")
    app1=$(free_port 5100)
    app2=$(free_port $((app1 + 1)))
    web=$(free_port $((app2 + 1)))
    # Every instance must hash one-time codes with the same key, or a code sent by one fails on the other.
    otp_key=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
    cat >"$dir/env" <<ENV
PG='$pg'
OTP_KEY='$otp_key'
APP1_PORT=$app1
APP2_PORT=$app2
WEB_PORT=$web
ENV
    mkdir -p "$dir/nginx/tmp" && chmod 777 "$dir/nginx/tmp"
    cat >"$dir/nginx/nginx.conf" <<CONF
worker_processes 1;
error_log $dir/nginx/error.log warn;
pid $dir/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/nginx/tmp/body;
  proxy_temp_path $dir/nginx/tmp/proxy;
  fastcgi_temp_path $dir/nginx/tmp/fastcgi;
  uwsgi_temp_path $dir/nginx/tmp/uwsgi;
  scgi_temp_path $dir/nginx/tmp/scgi;
  client_max_body_size 12m;
  upstream adminduk {
    server 127.0.0.1:$app1 max_fails=1 fail_timeout=2s;
    server 127.0.0.1:$app2 max_fails=1 fail_timeout=2s;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$web;
    location / {
      proxy_pass http://adminduk;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      # Overwrite, never append: a client cannot choose the address the app sees.
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
CONF
    # Instance 1 migrates and seeds; instance 2 starts once the database is ready.
    start_app 1
    start_app 2
    nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf"
    echo "http://127.0.0.1:$web"
    ;;
  kill-app)
    n=${3:?instance 1 or 2}
    kill -9 "$(cat "$dir/app$n.pid")" 2>/dev/null || true
    ;;
  start-app)
    start_app "${3:?instance 1 or 2}"
    ;;
  restart-db)
    "$root/scripts/pg-cluster.sh" restart "$dir/pg"
    ;;
  stop)
    [ -f "$dir/nginx/nginx.pid" ] && nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -s stop 2>/dev/null || true
    for n in 1 2; do
      [ -f "$dir/app$n.pid" ] && kill "$(cat "$dir/app$n.pid")" 2>/dev/null || true
    done
    sleep 1
    for n in 1 2; do
      [ -f "$dir/app$n.pid" ] && kill -9 "$(cat "$dir/app$n.pid")" 2>/dev/null || true
    done
    "$root/scripts/pg-cluster.sh" stop "$dir/pg"
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop|kill-app|start-app|restart-db DIR [N]" >&2
    exit 2
    ;;
esac
