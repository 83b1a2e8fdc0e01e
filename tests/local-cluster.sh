#!/usr/bin/env bash
# The production topology as processes on loopback, for a developer without containers: a throwaway PostgreSQL, three
# Silo processes and two Gateway processes in client mode, configured by the variables the k8s ConfigMap sets (the same
# the cluster tests use). Ctrl-C stops everything and deletes the database.
#
#   bash tests/local-cluster.sh            # then: curl -X POST localhost:8180/api/carousels -d '{"topic":"…"}' -H 'content-type: application/json'
#
# Ports: gateways 8180, 8181; silos' HTTP 8190–8192, Orleans 11111–11113 (silo) and 30000–30002 (gateway).
set -euo pipefail
cd "$(dirname "$0")/.."

bin_dir="${POSTGRES_BIN_DIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[ -x "$bin_dir/initdb" ] || { echo "PostgreSQL server binaries not found (set POSTGRES_BIN_DIR)"; exit 1; }
work="$(mktemp -d /tmp/vibecoder-local-cluster.XXXXXX)"
pg_port=54329
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; as_pg=(runuser -u postgres --); fi
pids=()

cleanup() {
  echo "stopping…"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  "${as_pg[@]}" "$bin_dir/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "building…"
dotnet build Silo -c Release -v q -nologo >/dev/null
dotnet build Gateway -c Release -v q -nologo >/dev/null

"${as_pg[@]}" "$bin_dir/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 >/dev/null
"${as_pg[@]}" "$bin_dir/pg_ctl" -D "$work/data" -w -l "$work/postgres.log" \
  -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$work -c fsync=off" start >/dev/null
"${as_pg[@]}" "$bin_dir/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres vibecoder

# The ConfigMap's and Secret's variables (k8s/configmap.yaml, k8s/secret.yaml), with loopback addresses.
export STORAGE=postgres POSTGRES_URL="postgres://postgres@127.0.0.1:$pg_port/vibecoder"
export ORLEANS_CLUSTER_ID=vibecoder ORLEANS_SERVICE_ID=vibecoder POD_IP=127.0.0.1
export TELEGRAM_MODE="${TELEGRAM_MODE:-off}" LOG_FORMAT="${LOG_FORMAT:-text}" METRICS_REQUIRE_AUTH=false

start() { # name, project dll, log, extra env…
  local name=$1 dll=$2; shift 2
  env POD_NAME="$name" "$@" dotnet "$dll" >"$work/$name.log" 2>&1 &
  pids+=($!)
}

wait_ready() { # url
  for _ in $(seq 1 120); do
    curl -fsS "$1/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "not ready: $1 (logs in $work)"; exit 1
}

silo_dll=Silo/bin/Release/net10.0/VibeCoder.Silo.dll
gateway_dll=Gateway/bin/Release/net10.0/VibeCoder.Gateway.dll
start silo-0 "$silo_dll" ASPNETCORE_URLS=http://127.0.0.1:8190 ORLEANS_SILO_PORT=11111 ORLEANS_GATEWAY_PORT=30000
wait_ready http://127.0.0.1:8190 # the first silo installs the schema and founds the cluster
start silo-1 "$silo_dll" ASPNETCORE_URLS=http://127.0.0.1:8191 ORLEANS_SILO_PORT=11112 ORLEANS_GATEWAY_PORT=30001
start silo-2 "$silo_dll" ASPNETCORE_URLS=http://127.0.0.1:8192 ORLEANS_SILO_PORT=11113 ORLEANS_GATEWAY_PORT=30002
start gateway-0 "$gateway_dll" GATEWAY_MODE=client ASPNETCORE_URLS=http://127.0.0.1:8180
start gateway-1 "$gateway_dll" GATEWAY_MODE=client ASPNETCORE_URLS=http://127.0.0.1:8181
for url in http://127.0.0.1:8191 http://127.0.0.1:8192 http://127.0.0.1:8180 http://127.0.0.1:8181; do wait_ready "$url"; done

echo "ready: gateways http://127.0.0.1:8180 and :8181 (API, page, /dashboard from loopback); silos :8190–8192; logs in $work"
echo "kill -9 a silo to watch failover: kill -9 ${pids[1]}   (Ctrl-C stops everything)"
wait "${pids[0]}"
