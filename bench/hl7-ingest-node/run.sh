#!/usr/bin/env bash
# Durable MLLP ingest against npm's node-hl7-server, on the same machine and
# the same 20,000 ADT^A08 messages, sent by two clients over 16 connections:
#   - chartroom hl7 send --concurrency 16
#   - Debian's mllp_send (python3-hl7), 16 processes with 1,250 messages each
#     (mllp_send speaks over one connection; its time includes starting Python)
# node-hl7-server keeps nothing; Chartroom (chartroom serve, SQLite,
# synchronous=FULL, or SYNC=NORMAL) commits each message before its ACK; its
# processor applies them to the record after. Each server is started fresh for each run and
# stopped after it, so a backlog left by one run never loads the next; the
# runs alternate between the servers, ROUNDS times (default 3).
#
# For each run it prints the rate, how many ACKs answer the message sent
# (MSA-1 AA and MSA-2 equal to its MSH-10), and the server's CPU time per
# message (user + system, from /proc): the cost that bounds a server's rate
# when the CPU is the limit. For Chartroom it also prints how long after the
# run the last message was applied to the record (its processor yields to
# the receiver while messages arrive), and the CPU per message with that
# processing included. It also runs both clients against nullack, a
# server that stores nothing and answers at once, to show how fast the
# clients themselves can go here.
#
#   ROUNDS=3 bench/hl7-ingest-node/run.sh
#   SYNC=NORMAL ROUNDS=3 bench/hl7-ingest-node/run.sh
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
root=$(cd ../.. && pwd)
rounds=${ROUNDS:-3}
sync=${SYNC:-FULL}
conns=16
npm install --no-audit --no-fund >/dev/null 2>&1
command -v mllp_send >/dev/null || apt-get install -y python3-hl7 >&2
work=$(mktemp -d)
(cd "$root" && go build -o "$work/chartroom" ./cmd/chartroom && go build -o "$work/nullack" ./bench/hl7-ingest-node/nullack)

# One message set per round and server, so that no run sends a control ID a
# server has seen (Chartroom answers a resent message from its first ACK).
python3 - "$work" "$rounds" "$conns" <<'PY'
import sys
work, rounds, conns = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
tmpl = "MSH|^~\\&|BENCH|HVMC|CHARTROOM|HVMC|20260401120000||ADT^A08^ADT_A01|%s|P|2.5.1\rEVN|A08|20260401120000\rPID|1||M%06d^^^HVMC^MR||Benchperson^Case||19800101|F\rPV1|1|O\r"
for r in range(1, rounds + 1):
    for s in ("node", "chartroom", "null"):
        for client in ("send", "py"):
            tag = "%s%s%d" % (s[0].upper(), client[0].upper(), r)
            msgs = [tmpl % ("%s-%06d" % (tag, i), i % 5000) for i in range(20000)]
            base = "%s/%s-%s-%d" % (work, s, client, r)
            if client == "send":
                open(base + ".hl7", "w", newline="").write("\n".join(msgs))
            else:
                # mllp_send reads MLLP frames; connection k sends every 16th message.
                for k in range(conns):
                    part = msgs[k::conns]
                    open("%s.%d.mllp" % (base, k), "wb").write(b"".join(b"\x0b" + m.encode() + b"\x1c\r" for m in part))
                    open("%s.%d.ids" % (base, k), "w").write("\n".join(m.split("|")[9] for m in part))
PY

cpu_ms() { awk '{print ($14 + $15) * 10}' "/proc/$1/stat"; } # clock ticks of 10 ms
wait_port() { for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

pid=""
start_server() { # name port
	case $1 in
	node) PORT=$2 node server.mjs >/dev/null 2>&1 & pid=$! ;;
	chartroom)
		rm -rf "$work/data"
		"$work/chartroom" serve --data "$work/data" --sqlite-sync "$sync" --http 127.0.0.1:0 --mllp "127.0.0.1:$2" >/dev/null 2>&1 & pid=$! ;;
	null) "$work/nullack" -addr "127.0.0.1:$2" & pid=$! ;;
	esac
	wait_port "$2"
}
stop_server() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; pid=""; }
trap 'stop_server; rm -rf "$work"' EXIT

run_send() { # server port round -> "rate matched"
	"$work/chartroom" hl7 send --addr "127.0.0.1:$2" --concurrency $conns "$work/$1-send-$3.hl7" 2>/dev/null |
		awk '/messages sent/ {r=$6; gsub(/[(\/s):]/, "", r); print r, $7}' || true
}
run_py() { # server port round -> "rate matched"
	local t0 t1 k
	t0=$(date +%s.%N)
	for k in $(seq 0 $((conns - 1))); do
		mllp_send -p "$2" -f "$work/$1-py-$3.$k.mllp" 127.0.0.1 >"$work/out.$k" 2>/dev/null &
	done
	wait # only the mllp_send processes: this runs in a subshell
	t1=$(date +%s.%N)
	local matched=0
	for k in $(seq 0 $((conns - 1))); do
		m=$(python3 - "$work/out.$k" "$work/$1-py-$3.$k.ids" <<'PY'
import re, sys
out = open(sys.argv[1], "rb").read()
ids = open(sys.argv[2]).read().split("\n")
acks = re.findall(rb"MSA\|([^|\r]*)\|([^|\r\x1c]*)", out)
print(sum(1 for i, (code, ctl) in enumerate(acks) if i < len(ids) and code in (b"AA", b"CA") and ctl.decode() == ids[i]))
PY
)
		matched=$((matched + m))
	done
	awk -v t0="$t0" -v t1="$t1" -v m="$matched" 'BEGIN {printf "%.0f %d\n", 20000 / (t1 - t0), m}'
}

drain() { # -> seconds until no message waits to be applied
	python3 - "$work/data/chartroom.db" <<'PY'
import sqlite3, sys, time
t0 = time.time()
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
while time.time() - t0 < 600:
    if db.execute("SELECT count(*) FROM interface_messages WHERE status IN ('received', 'processing')").fetchone()[0] == 0:
        break
    time.sleep(0.2)
print("%.1f" % (time.time() - t0))
PY
}

port=13100
for r in $(seq "$rounds"); do
	for s in node chartroom; do
		for client in send py; do
			port=$((port + 1))
			start_server $s $port
			a=$(cpu_ms "$pid")
			res=$(run_$client $s $port $r)
			b=$(cpu_ms "$pid")
			extra=""
			if [ $s = chartroom ]; then
				# Chartroom applies the messages to the record after their ACKs, and
				# defers that while messages arrive: time how long after the run the
				# last one is applied, and the server's CPU with that work included.
				applied=$(drain)
				c=$(cpu_ms "$pid")
				extra=$(printf ' applied_after_s=%s server_cpu_us_per_msg_with_processing=%.0f' "$applied" "$(echo "($c - $a) * 1000 / 20000" | bc -l)")
			fi
			stop_server
			read -r rate matched <<<"$res"
			printf 'RESULT round=%d server=%s client=%s rate=%s matched=%s/20000 server_cpu_us_per_msg=%.0f%s\n' \
				"$r" "$s" "$client" "$rate" "$matched" "$(echo "($b - $a) * 1000 / 20000" | bc -l)" "$extra"
		done
	done
done
for client in send py; do
	port=$((port + 1))
	start_server null $port
	res=$(run_$client null $port 1)
	stop_server
	read -r rate matched <<<"$res"
	printf 'RESULT round=1 server=nullack client=%s rate=%s matched=%s/20000\n' "$client" "$rate" "$matched"
done
