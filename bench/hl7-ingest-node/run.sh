#!/usr/bin/env bash
# Durable MLLP ingest against node-hl7-server, sent by the same client
# (chartroom hl7 send, 16 connections) over the same 20,000 ADT messages.
# node-hl7-server keeps nothing; Chartroom commits each message before its ACK.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
npm install --no-audit --no-fund >/dev/null
go build -o /tmp/chartroom-bench "$root/cmd/chartroom"
python3 - <<'PY'
msgs = ["MSH|^~\\&|BENCH|HVMC|CHARTROOM|HVMC|20260401120000||ADT^A08^ADT_A01|P%06d|P|2.5.1\rEVN|A08|20260401120000\rPID|1||M%06d^^^HVMC^MR||Benchperson^Case||19800101|F\rPV1|1|O\r" % (i, i % 5000) for i in range(20000)]
open("/tmp/bench20k.hl7", "w", newline="").write("\n".join(msgs))
PY
PORT=13001 node server.mjs & node_pid=$!
data=$(mktemp -d)
/tmp/chartroom-bench serve --data "$data" --http 127.0.0.1:0 --mllp 127.0.0.1:13002 >/dev/null 2>&1 & cr_pid=$!
trap 'kill $node_pid $cr_pid 2>/dev/null; rm -rf "$data"' EXIT
sleep 3
echo "node-hl7-server:"; /tmp/chartroom-bench hl7 send --addr 127.0.0.1:13001 --concurrency 16 /tmp/bench20k.hl7 2>/dev/null | tail -1 || true
echo "chartroom (SQLite, synchronous=FULL):"; /tmp/chartroom-bench hl7 send --addr 127.0.0.1:13002 --concurrency 16 /tmp/bench20k.hl7 2>/dev/null | tail -1 || true
