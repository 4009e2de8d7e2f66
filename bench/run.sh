#!/usr/bin/env bash
# The throughput benchmark: bingo against a bare scan and a plain Python script.
#
#   bench/run.sh                 # 1024 MB mbox, everything on the whole file
#   SIZE_MB=2048 bench/run.sh    # a bigger mailbox
#   PY_MB=200 bench/run.sh       # Python on the first 200 MB only (it is slow)
#
# Steps, all in one run and on the same file:
#   1. build `bingo` (release) and generate bench/data/bench-<SIZE_MB>.mbox
#      deterministically from the repository's fixtures (bench/gen_mbox.py;
#      kept between runs, never committed);
#   2. time `grep -c '^From '` on it: the floor, reading the file once;
#   3. time `bingo check --format ndjson --quiet` on it, under
#      `/usr/bin/time -v` for the peak memory (THREADS=N to pin --threads);
#   4. time bench/baseline.py (standard library only) on it, or on its first
#      PY_MB megabytes cut at a message boundary;
#   5. print MB/s for each, bingo's ratios to both, and bingo's peak RSS.
# Each timing runs once after a warm-up read of the file, so all three read
# it from the page cache. Needs: cargo, python3 (3.11+), GNU time.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZE_MB=${SIZE_MB:-1024}
PY_MB=${PY_MB:-}
THREADS=${THREADS:-}
DATA=bench/data
MBOX=$DATA/bench-$SIZE_MB.mbox
mkdir -p "$DATA"

if [ ! -x /usr/bin/time ]; then
  echo "GNU time is missing: apt-get install time" >&2
  exit 2
fi

cargo build --release --quiet
BINGO=target/release/bingo

if [ ! -s "$MBOX" ]; then
  python3 bench/gen_mbox.py "$MBOX.tmp" "$SIZE_MB"
  mv "$MBOX.tmp" "$MBOX"
fi
BYTES=$(stat -c %s "$MBOX")
cat "$MBOX" > /dev/null # warm the page cache

now() { date +%s.%N; }
mbps() { python3 -c "import sys; print(f'{int(sys.argv[1]) / 1048576 / float(sys.argv[2]):.1f}')" "$1" "$2"; }

t0=$(now)
MESSAGES=$(grep -c '^From ' "$MBOX")
t1=$(now)
GREP_S=$(python3 -c "print(f'{$t1 - $t0:.3f}')")

THREAD_ARGS=()
[ -n "$THREADS" ] && THREAD_ARGS=(--threads "$THREADS")
t0=$(now)
/usr/bin/time -v -o "$DATA/bingo.time" "$BINGO" check --isolated --format ndjson --quiet \
  --exit-zero "${THREAD_ARGS[@]}" "$MBOX" > "$DATA/bingo.ndjson"
t1=$(now)
BINGO_S=$(python3 -c "print(f'{$t1 - $t0:.3f}')")
RSS_KB=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$DATA/bingo.time")

PY_FILE=$MBOX
PY_BYTES=$BYTES
if [ -n "$PY_MB" ]; then
  PY_FILE=$DATA/bench-$SIZE_MB-first-$PY_MB.mbox
  python3 - "$MBOX" "$PY_FILE" "$PY_MB" <<'EOF'
import sys
src, dst, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
limit = mb * 1048576
with open(src, "rb") as f, open(dst, "wb") as out:
    written, previous_blank = 0, True
    for line in f:
        if written >= limit and previous_blank and line.startswith(b"From "):
            break
        out.write(line)
        written += len(line)
        previous_blank = line.strip() == b""
EOF
  PY_BYTES=$(stat -c %s "$PY_FILE")
  cat "$PY_FILE" > /dev/null
fi
t0=$(now)
python3 bench/baseline.py "$PY_FILE" > "$DATA/python.ndjson"
t1=$(now)
PY_S=$(python3 -c "print(f'{$t1 - $t0:.3f}')")

GREP_MBPS=$(mbps "$BYTES" "$GREP_S")
BINGO_MBPS=$(mbps "$BYTES" "$BINGO_S")
PY_MBPS=$(mbps "$PY_BYTES" "$PY_S")
echo "file:        $MBOX, $((BYTES / 1048576)) MB, $MESSAGES messages"
echo "machine:     $(nproc) cores; bingo threads: ${THREADS:-all}"
echo "grep -c:     ${GREP_S} s  ${GREP_MBPS} MB/s"
echo "bingo:       ${BINGO_S} s  ${BINGO_MBPS} MB/s  ($(wc -l < "$DATA/bingo.ndjson") replies reported)"
echo "python:      ${PY_S} s  ${PY_MBPS} MB/s  (on $((PY_BYTES / 1048576)) MB, $(wc -l < "$DATA/python.ndjson") replies reported)"
python3 -c "
g, b, p = $GREP_MBPS, $BINGO_MBPS, $PY_MBPS
print(f'bingo / grep:   {b / g:.3f}  (grep is {g / b:.1f}x faster; target: at most 4x)')
print(f'bingo / python: {b / p:.1f}x  (target: at least 20x)')
"
echo "bingo peak RSS: $((RSS_KB / 1024)) MB (target: under 100 MB on 2 GB)"
