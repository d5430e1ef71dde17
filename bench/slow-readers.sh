#!/usr/bin/env bash
# Slow ?all=true readers against the rest of the API: READERS clients (default 24, more than the 16
# connections of the pool) ask for every subject (about 50 MB of JSON) and read 2 KB/s; while they are
# connected, the script times GET /api/courses/ as a student and one more ?all=true, and measures the
# heap the stalled streams keep (live heap after a full GC, with and without them).
#   bench/slow-readers.sh [READERS]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
readers=${1:-24}

bench_build
work=$(mktemp -d /tmp/edutrack-slow.XXXX)
trap 'jobs -p | xargs -r kill 2>/dev/null; bench_stop; rm -rf "$work"' EXIT

bench_start "$work/data" -Xmx256m
bench_pg_env
psql -q -c "INSERT INTO subjects (name, description)
            SELECT 'Subject ' || n, repeat('A subject with a long description. ', 6) FROM generate_series(1, 200000) n"
student=$(psql -At -c "INSERT INTO users (email, password_hash, first_name, last_name, phone, role)
                       VALUES ('slow-bench@edutrack.test', 'x', 'Slow', 'Bench', '', 'student') RETURNING id" | head -1)
psql -q -c "INSERT INTO student_profiles (user_id, parent_phone, grade) VALUES ($student, '', '')"
token=$(echo "$student" | python3 "$BENCH_DIR/tokens.py" "$JWT_SIGNING_KEY" student)

# live_heap_kb: the heap in use right after a full collection.
live_heap_kb() {
    jcmd "$BENCH_PID" GC.run >/dev/null
    jcmd "$BENCH_PID" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1
}

# timed_gets N: N sequential GET /api/courses/ as the student; prints "status seconds" a line.
timed_gets() {
    for _ in $(seq 1 "$1"); do
        curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" "$BENCH_URL/api/courses/"
    done
}

summary() {   # summary NAME < "status seconds" lines
    sort -k2 -n | awk -v name="$1" '{ s[NR] = $2; codes[$1]++ } END {
        line = ""; for (c in codes) line = line " " c "x" codes[c]
        printf "%-34s n=%d statuses:%s p50_ms=%.1f max_ms=%.1f\n", name, NR, line, s[int((NR + 1) / 2)] * 1000, s[NR] * 1000 }'
}

timed_gets 20 > /dev/null   # warm-up
timed_gets 20 | summary "courses list, no slow readers"
idle_kb=$(live_heap_kb)

for i in $(seq 1 "$readers"); do
    curl -s --limit-rate 2k -D "$work/reader-$i" -o /dev/null "$BENCH_URL/api/accounts/subjects/?all=true" &
done
sleep 5
timed_gets 20 | summary "courses list, $readers slow readers"
curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$BENCH_URL/api/accounts/subjects/?all=true" \
    | summary "one more ?all=true meanwhile"
stalled_kb=$(live_heap_kb)
streaming=$(psql -At -c "SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'")
echo "connections held by streams: $streaming of 16; live heap ${idle_kb} KiB idle, ${stalled_kb} KiB with the streams stalled"

kill $(jobs -p) 2>/dev/null || true
wait 2>/dev/null || true
readers_200=$(cat "$work"/reader-* | grep -c '^HTTP/1.1 200' || true)
readers_503=$(cat "$work"/reader-* | grep -c '^HTTP/1.1 503' || true)
echo "slow readers: ${readers_200} streamed (200), ${readers_503} refused (503)"
echo "command: bench/slow-readers.sh $readers"
