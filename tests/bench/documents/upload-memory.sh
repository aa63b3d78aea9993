#!/usr/bin/env bash
# upload-memory.sh SERVER [UPLOADS] [MB]: how much a real quantenergx-server's memory grows
# while UPLOADS (10) documents of MB (25) MiB each are uploaded to it at once. The bodies go
# to disk as they arrive (the request guard hands them past QHttpServer), so each should cost
# the server its socket buffer, not its size. Prints the resident set before, its peak while
# the uploads run (sampled every 20 ms) and the growth per upload.
#
#   tests/bench/documents/upload-memory.sh build-release/bin/quantenergx-server
#
# Needs curl. Everything runs on loopback in a temporary data directory; the bytes are random,
# so each document is stored, then fails as unreadable (reading is not what is measured).
set -euo pipefail
server=$1
uploads=${2:-10}
megabytes=${3:-25}
dir=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
"$server" init --data-dir "$dir" >/dev/null
echo "alice's long passphrase" \
    | "$server" user add alice --role trader --password-stdin --data-dir "$dir" >/dev/null
"$server" serve --data-dir "$dir" --listen 127.0.0.1:$port --max-requests-per-minute 0 \
    --document-max-mb $((megabytes + 1)) >"$dir/out" 2>"$dir/err" &
pid=$!
for _ in $(seq 1 100); do grep -q listening "$dir/out" && break; sleep 0.1; done
url=http://127.0.0.1:$port
token=$(curl -s -XPOST $url/api/v1/auth/login \
    -d '{"username":"alice","password":"alice'"'"'s long passphrase"}' \
    | python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])')
for i in $(seq 1 "$uploads"); do
    head -c $((megabytes * 1024 * 1024)) /dev/urandom >"$dir/upload$i.pdf"
done
rss() { awk '/VmRSS/ {print $2}' /proc/$pid/status; }
sleep 1
before=$(rss)
peak=$before
curls=()
for i in $(seq 1 "$uploads"); do
    curl -s -o "$dir/answer$i" -w '%{http_code}\n' -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/pdf' --data-binary @"$dir/upload$i.pdf" \
        "$url/api/v1/documents?filename=upload$i.pdf" >"$dir/status$i" &
    curls+=($!)
done
while kill -0 "${curls[@]}" 2>/dev/null; do
    now=$(rss)
    ((now > peak)) && peak=$now
    sleep 0.02
done
wait "${curls[@]}" || true
statuses=$(cat "$dir"/status* | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
echo "uploads: $uploads × $megabytes MiB at once; answers: $statuses"
echo "server RSS before: $((before / 1024)) MiB, peak while uploading: $((peak / 1024)) MiB," \
    "growth $(((peak - before) / 1024)) MiB ($(((peak - before) / uploads)) KiB per upload)"
