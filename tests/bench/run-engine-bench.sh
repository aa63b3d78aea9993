#!/usr/bin/env bash
# Generates the benchmark order streams with the reference generator, replays each through
# qx-bench-engine, prints both JSON lines and checks that the engine reproduced the reference
# outcome exactly (fills, traded quantity, resting orders, no rejected cancel).
#   tests/bench/run-engine-bench.sh BIN_DIR
set -euo pipefail
bin=${1:?usage: run-engine-bench.sh BIN_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

field() { grep -o "\"$2\":[0-9]*" <<<"$1" | cut -d: -f2; }

run() {
    local name=$1; shift
    local reference engine
    reference=$("$bin/qx-orderflow" "$@" --out "$work/$name.csv")
    engine=$("$bin/qx-bench-engine" --replay "$work/$name.csv")
    echo "$name reference: $reference"
    echo "$name engine:    $engine"
    for f in fills traded_qty resting_final; do
        if [ "$(field "$reference" "$f")" != "$(field "$engine" "$f")" ]; then
            echo "$name: $f differs from the reference" >&2
            exit 1
        fi
    done
    [ "$(field "$engine" cancel_rejects)" = 0 ] || { echo "$name: rejected cancels" >&2; exit 1; }
}

run steady-1k --ops 2000000 --cancel-pct 10 --aggr-pct 30 --target-resting 1000 --seed 42
run deep-200k --ops 1000000 --cancel-pct 10 --aggr-pct 45 --seed 42
run deep-650k --ops 3000000 --cancel-pct 10 --aggr-pct 45 --seed 7
run alternating --ops 1000000 --alternating --seed 1
echo "all streams reproduce the reference exactly"
