#!/usr/bin/env bash
# The HTML report at scale: N one-request scenarios (default 10,000) against the built-in server, then
# the report's size and how long headless Chromium takes to load and draw it (README: "HTML report").
#   Benchmarks/html-report.sh [N] [TOLLGATE]     (TOLLGATE defaults to .build/debug/tollgate)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=${1:-10000}
tollgate=${2:-.build/debug/tollgate}
work=$(mktemp -d)
python3 Benchmarks/generate.py plain "$n" "$work/specs" >/dev/null
"$tollgate" run "$work/specs" --junit "$work/junit.xml" >/dev/null || true
bytes=$(stat -c %s "$work/report.html")
record=$(stat -c %s "$work/run.json")
start=$(date +%s.%N)
chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" --dump-dom "file://$work/report.html" >"$work/dom.html" 2>/dev/null
end=$(date +%s.%N)
drawn=$(grep -o 'data-render-ms="[0-9]*"' "$work/dom.html" | grep -o '[0-9]*')
shown=$(grep -o 'data-visible="[0-9]*"' "$work/dom.html" | grep -o '[0-9]*')
echo "scenarios: $n (shown: $shown)"
echo "report.html: $bytes bytes (run.json: $record bytes)"
echo "renderer: ${drawn} ms from script start to interactive; chromium load+draw+dump: $(echo "$end - $start" | bc) s"
rm -rf "$work"
