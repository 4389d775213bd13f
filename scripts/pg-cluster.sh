#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster on a free loopback port, for tests and benchmarks.
#   scripts/pg-cluster.sh start DIR   -> initdb + start; prints the Npgsql connection string
#   scripts/pg-cluster.sh stop DIR    -> stop and remove DIR
#   scripts/pg-cluster.sh restart DIR -> crash-stop (immediate) and start again on the same port
# PG_DURABLE=1 keeps fsync and synchronous commit on (durability tests); otherwise they are off for speed.
# As root, the server runs as the 'postgres' system user (PostgreSQL refuses to run as root).
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
cmd=${1:?start|stop}
dir=${2:?data directory}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  local p
  for p in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  echo "no free port between 55432 and 55532" >&2
  return 1
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(free_port)
    # Durability settings are relaxed unless asked for: this cluster holds only test data and is thrown away.
    relaxed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${PG_DURABLE:-0}" = 1 ] && relaxed=""
    echo "-p $port -k $dir -c listen_addresses=127.0.0.1 $relaxed -c max_connections=300 -c shared_buffers=256MB" >"$dir/options"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o "$(cat "$dir/options")" >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
    ;;
  restart)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o "$(cat "$dir/options")" >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop|restart DIR" >&2
    exit 2
    ;;
esac
