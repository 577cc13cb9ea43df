#!/bin/sh
# Runs Chartroom's HL7 parse benchmarks and both peers over the same shared
# corpus, and prints the ratios recorded in docs/bench-hl7.md.
#   ROUNDS=5 bench/hl7-compare.sh [CORPUS_DIR]
# Needs Go, Node/npm (installs @medplum/core into bench/hl7-medplum) and
# apt (installs python3-hl7 if missing).
#
# The machine is shared, so its load changes from one second to the next.
# Every ratio is therefore taken between runs made side by side, and the
# median of those per-round ratios is reported:
#   - full / floor comes from BenchmarkParseFullVsFloor, which times a pass
#     of each in turn inside one process;
#   - each round runs the Go benchmark and then @medplum/core back to back
#     (and python3-hl7, once every round, fewer passes since it is slow).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
corpus=${1:-$repo/../shared/data/hl7v2/messages}
corpus=$(cd "$corpus" && pwd)
rounds=${ROUNDS:-${COUNT:-5}}

(cd "$here/hl7-medplum" && [ -d node_modules/@medplum/core ] || npm install --no-audit --no-fund >&2)
test=$(mktemp)
trap 'rm -f "$test"' EXIT
(cd "$repo" && go test -c -o "$test" ./hl7)

field() { # NAME=value from a RESULT line
	awk -v k="$1" '/^RESULT/ {for (i=1;i<=NF;i++) if (index($i, k"=")==1) {sub(k"=","",$i); print $i}}'
}
out=""
for r in $(seq "$rounds"); do
	go=$(cd "$repo/hl7" && "$test" -test.run '^$' -test.bench 'ParseFull$|ParseFullReuse|ParseFullVsFloor' \
		-test.benchtime 200x -test.count 1 -test.benchmem)
	echo "$go" | grep '^Benchmark' >&2
	full=$(echo "$go" | awk '$1 ~ /^BenchmarkParseFull-/ {print $3}')
	reuse=$(echo "$go" | awk '$1 ~ /^BenchmarkParseFullReuse-/ {print $3}')
	allocs=$(echo "$go" | awk '$1 ~ /^BenchmarkParseFull-/ {print $(NF-1)}')
	pair=$(echo "$go" | awk '$1 ~ /^BenchmarkParseFullVsFloor-/ {for (i=1;i<=NF;i++) {if ($i=="full/floor") r=$(i-1); if ($i=="floor-ns/pass") f=$(i-1)}; print r, f}')
	med=$(cd "$here/hl7-medplum" && node bench.mjs "$corpus" 5 | field median_ms)
	py=$("$here/hl7-python/run.sh" "$corpus" 1 | field median_ms)
	echo "round $r: full ${full} ns, medplum ${med} ms, python ${py} ms" >&2
	out="$out$full $reuse $allocs $pair $med $py
"
done
msgs=$(ls "$corpus" | wc -l)
printf '%s' "$out" | awk -v msgs="$msgs" '
function median(a, n,   i, j, t) {
	for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j+1] = a[j]; a[j+1] = t }
	return a[int((n + 1) / 2)]
}
NF >= 7 {
	n++; full[n] = $1 / 1e6; reuse[n] = $2 / 1e6; allocs = $3; ratio[n] = $4; floor[n] = $5 / 1e6
	med[n] = $6; py[n] = $7; rm[n] = $6 / full[n]; rp[n] = $7 / full[n]
}
END {
	printf "corpus: %d messages, %d rounds (medians; ratios are medians of per-round ratios)\n", msgs, n
	printf "chartroom full parse:   %8.3f ms/corpus  (%.0f ns/message, %.2f allocs/message)\n", median(full, n), median(full, n) * 1e6 / msgs, allocs / msgs
	printf "  with a reused Parser: %8.3f ms/corpus\n", median(reuse, n)
	printf "bare tokenizer floor:   %8.3f ms/corpus  full/floor (paired) = %.2fx (bar <= 3x)\n", median(floor, n), median(ratio, n)
	printf "@medplum/core:          %8.3f ms/corpus  medplum/chartroom = %.1fx (bar >= 10x; rounds %.1f-%.1f)\n", median(med, n), median(rm, n), rmin(rm, n), rmax(rm, n)
	printf "python3-hl7:            %8.3f ms/corpus  python/chartroom = %.1fx (bar >= 100x)\n", median(py, n), median(rp, n)
}
function rmin(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
function rmax(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }'
