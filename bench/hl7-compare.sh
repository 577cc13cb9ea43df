#!/bin/sh
# Runs Chartroom's HL7 parse benchmarks and both peers over the same shared
# corpus in one go, and prints the ratios recorded in docs/bench-hl7.md.
#   bench/hl7-compare.sh [CORPUS_DIR]
# Needs Go, Node/npm (installs @medplum/core into bench/hl7-medplum) and
# apt (installs python3-hl7 if missing).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
corpus=${1:-$repo/../shared/data/hl7v2/messages}
corpus=$(cd "$corpus" && pwd)
count=${COUNT:-5}

echo "== Chartroom (go test -bench, count $count)" >&2
gobench=$(cd "$repo" && go test ./hl7 -run '^$' -bench 'ParseFull$|ParseFullReuse|ParseIndex|TokenizeFloor' \
	-benchtime 200x -count "$count" -benchmem)
echo "$gobench" | grep '^Benchmark' >&2
median_of() { # benchmark name -> median ns/op
	echo "$gobench" | awk -v b="$1" '$1 ~ "^"b"-" {print $3}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
full=$(median_of BenchmarkParseFull)
floor=$(median_of BenchmarkTokenizeFloor)
allocs=$(echo "$gobench" | awk '$1 ~ /^BenchmarkParseFull-/ {print $(NF-1); exit}')

echo "== @medplum/core" >&2
(cd "$here/hl7-medplum" && [ -d node_modules/@medplum/core ] || npm install --no-audit --no-fund >&2)
med=$(cd "$here/hl7-medplum" && node bench.mjs "$corpus" 7 | awk '/^RESULT/ {for (i=1;i<=NF;i++) if ($i ~ /^median_ms=/) {sub("median_ms=","",$i); print $i}}')

echo "== python3-hl7" >&2
py=$("$here/hl7-python/run.sh" "$corpus" 5 | awk '/^RESULT/ {for (i=1;i<=NF;i++) if ($i ~ /^median_ms=/) {sub("median_ms=","",$i); print $i}}')

msgs=$(ls "$corpus" | wc -l)
awk -v full="$full" -v floor="$floor" -v med="$med" -v py="$py" -v msgs="$msgs" -v allocs="$allocs" 'BEGIN {
	fm = full / 1e6
	printf "corpus: %d messages\n", msgs
	printf "chartroom full parse:   %8.3f ms/corpus  (%.0f ns/message, %.2f allocs/message)\n", fm, full / msgs, allocs / msgs
	printf "bare tokenizer floor:   %8.3f ms/corpus  full/floor = %.2fx (bar <= 3x)\n", floor / 1e6, full / floor
	printf "@medplum/core:          %8.3f ms/corpus  medplum/chartroom = %.1fx (bar >= 10x)\n", med, med / fm
	printf "python3-hl7:            %8.3f ms/corpus  python/chartroom = %.1fx (bar >= 100x)\n", py, py / fm
}'
