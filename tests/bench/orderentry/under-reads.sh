#!/usr/bin/env bash
# under-reads.sh SERVER [LABEL]: REST order entry through a real quantenergx-server on SQLite,
# alone and while two other clients each list 1,000 orders at a time. Prints one line of
# figures: acknowledged orders a second, and their p50/p99 latency, both ways.
#
#   tests/bench/orderentry/under-reads.sh build-release/bin/quantenergx-server
#
# Needs wrk (Debian's package). Everything runs on loopback in a temporary data directory.
set -euo pipefail
server=$1
label=${2:-$(basename "$server")}
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
"$server" init --data-dir "$dir" >/dev/null
echo "alice's long passphrase" \
    | "$server" user add alice --role trader --password-stdin --data-dir "$dir" >/dev/null
"$server" serve --data-dir "$dir" --listen 127.0.0.1:$port --max-requests-per-minute 0 \
    >"$dir/out" 2>"$dir/err" &
pid=$!
for _ in $(seq 1 100); do grep -q listening "$dir/out" && break; sleep 0.1; done
url=http://127.0.0.1:$port
QX_TOKEN=$(curl -s -XPOST $url/api/v1/auth/login \
    -d '{"username":"alice","password":"alice'"'"'s long passphrase"}' \
    | python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])')
QX_SYMBOL=$(curl -s -H "Authorization: Bearer $QX_TOKEN" $url/api/v1/instruments \
    | python3 -c 'import sys, json; print([i["symbol"] for i in json.load(sys.stdin)["instruments"] if i["symbol"].startswith("DE.BASE.M.")][0])')
export QX_TOKEN QX_SYMBOL
# Resting orders (bids far below the market), a few thousand, so a listing is a full page.
QX_RUN=fill wrk -t1 -c4 -d3s -s "$here/place-order.lua" $url >/dev/null
alone=$(QX_RUN=alone wrk -t1 -c4 -d6s --latency -s "$here/place-order.lua" $url)
wrk -t1 -c1 -d8s -s "$here/list-orders.lua" $url >"$dir/list1" &
list1=$!
wrk -t1 -c1 -d8s -s "$here/list-orders.lua" $url >"$dir/list2" &
list2=$!
sleep 1
loaded=$(QX_RUN=loaded wrk -t1 -c4 -d6s --latency -s "$here/place-order.lua" $url)
wait $list1 $list2
rate() { awk '/Requests\/sec/ {print $2}'; }
quantile() { awk -v q="$1" '$1==q {print $2}'; }
printf '%s alone: %s orders/s p50 %s p99 %s | two clients listing: %s orders/s p50 %s p99 %s (%s pages/s each)\n' \
    "$label" "$(rate <<<"$alone")" "$(quantile 50% <<<"$alone")" "$(quantile 99% <<<"$alone")" \
    "$(rate <<<"$loaded")" "$(quantile 50% <<<"$loaded")" "$(quantile 99% <<<"$loaded")" \
    "$(rate <"$dir/list1")"
