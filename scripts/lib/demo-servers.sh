# Sourced by scripts/demo.sh and scripts/screenshots.sh: starts the keyserver and the
# vault server of a demo deployment made by `credvault-cli init-demo`, each printing its
# "listening on" lines (prefixed "demo: NAME") and logging to a file in the deployment,
# and stops them when the sourcing script exits.
#
#   source scripts/lib/demo-servers.sh
#   start_demo_servers BIN_DIR DEMO_DIR

demo_server_pids=()
stop_demo_servers() {
    for pid in "${demo_server_pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
}
trap stop_demo_servers EXIT
trap 'exit 130' INT TERM

# start_demo_server BIN_DIR DEMO_DIR NAME EXECUTABLE CONFIG LISTENERS
start_demo_server() {
    local bin=$1 demo=$2 name=$3 out="$2/$3.out"
    "$bin/$4" --config "$demo/$5" >"$out" 2>"$demo/$name.log" &
    demo_server_pids+=($!)
    for _ in $(seq 1 100); do
        if [ "$(grep -c '^listening on' "$out" 2>/dev/null || true)" -ge "$6" ]; then
            sed "s/^/demo: $name /" "$out"
            return 0
        fi
        if ! kill -0 "${demo_server_pids[-1]}" 2>/dev/null; then
            echo "demo: $name did not start:" >&2
            cat "$demo/$name.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "demo: $name did not start in time (see $demo/$name.log)" >&2
    exit 1
}

start_demo_servers() {
    start_demo_server "$1" "$2" keyserver credvault-keyserver keyserver.conf 3
    start_demo_server "$1" "$2" vault-server credvault-server server.conf 1
}
