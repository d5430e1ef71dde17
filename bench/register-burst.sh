#!/usr/bin/env bash
# How a burst of student registrations from many clients affects everyone else: while wrk sends
# registrations over C connections (each with its own email and X-Forwarded-For client, so only the
# password-hashing queue stands in the way), one client reads GET /api/courses/ with a Bearer token
# again and again; the script prints that read's latencies during the burst. The server runs with its
# defaults (200 request threads, one hash per processor) and EDUTRACK_TRUSTED_PROXIES=127.0.0.1.
#   bench/register-burst.sh [--connections C] [--seconds S]
# Compare builds: BENCH_JAR=/path/to/other/edutrack-server.jar bench/register-burst.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
connections=400
seconds=20
while [ $# -gt 0 ]; do
    case $1 in
        --connections) connections=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        *) echo "usage: $0 [--connections C] [--seconds S]" >&2; exit 2 ;;
    esac
done

bench_build
bench_require_wrk
data=$(mktemp -d /tmp/edutrack-bench-burst.XXXX)
trap 'bench_stop; rm -rf "$data"' EXIT
export EDUTRACK_TRUSTED_PROXIES=127.0.0.1
bench_start "$data"

curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"email": "reader@bench.test", "password": "Tulip-garden-2026",
    "first_name": "Reading", "last_name": "Student", "phone": "+201000000001"}' "$BENCH_URL/api/accounts/student/register/"
token=$(bench_token reader@bench.test Tulip-garden-2026)
[ -n "$token" ] || { echo "the reading student could not log in" >&2; exit 1; }
read_once() {
    curl -s -o /dev/null --max-time 120 -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" \
        "$BENCH_URL/api/courses/"
}
for _ in 1 2 3 4 5; do read_once >/dev/null; done
quiet=$(for _ in $(seq 1 10); do read_once; done | awk '{ print $2 * 1000 }' | sort -n | awk '{ a[NR] = $1 } END { printf "%.0f", a[int((NR + 1) / 2)] }')

wrk -t2 -c"$connections" -d"${seconds}s" --timeout 120s -s "$BENCH_ROOT/bench/register.lua" "$BENCH_URL" > "$data/wrk.out" &
wrk_pid=$!
sleep 1
: > "$data/reads"
while kill -0 "$wrk_pid" 2>/dev/null; do
    read_once >> "$data/reads"
    sleep 0.2
done
wait "$wrk_pid" || true

grep '^registrations by status' "$data/wrk.out"
echo "GET /api/courses/ before the burst: median ${quiet} ms"
n=$(wc -l < "$data/reads")
bad=$(awk '$1 != 200' "$data/reads" | wc -l)
awk '{ printf "%.0f\n", $2 * 1000 }' "$data/reads" | sort -n > "$data/ms"
median=$(awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] + 0 }' "$data/ms")
worst=$(tail -n 1 "$data/ms")
echo "GET /api/courses/ during the burst: $n reads, median $median ms, max $worst ms, not 200: $bad"
echo "command: bench/register-burst.sh --connections $connections --seconds $seconds${BENCH_JAR:+ (BENCH_JAR=$BENCH_JAR)}"
echo "burst: connections=$connections seconds=$seconds read_max_ms=$worst"
