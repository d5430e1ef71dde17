#!/usr/bin/env bash
# Database faults under load: the server runs on a PostgreSQL of this script's own (Debian's
# postgresql package, installed when absent; a cluster in a temporary folder, run as the postgres
# user) while wrk sends buys (distinct students) and course-list reads. PostgreSQL is stopped twice
# under that load, once with `pg_ctl stop -m fast` and once with `-m immediate` (a crash: crash
# recovery on the next start), and kept down at least 5 s each time. While it is down, single
# requests are timed with curl: each must answer 503 {"detail": "Service temporarily unavailable."}
# within the pool timeout (EDUTRACK_DB_TIMEOUT_MS=1000 here) plus 2 s, and readiness must be DOWN.
# Then PostgreSQL starts again and the time to the first 200 of a read is measured, polling every
# 100 ms. Afterwards: the wallet invariants (server/src/test/resources/sql/ledger-invariants.sql),
# purchases against their debits and enrollments, and the 201s against the purchases in the database.
#   bench/faults.sh [--scale F]      (as root; default F = 0.1)
# It fails when an invariant breaks, an answer is a 5xx other than 503, a 503 comes later than the
# pool timeout plus 2 s, a request hangs (wrk timeouts), the service does not come back, or the
# server process is not the same one at the end. The last line is for tools:
#   faults: outages=2 max_503_ms=… recover_ms=…,… answers_500=0 broken_invariants=0 server_restarted=no
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)

scale=0.1          # 10,000 students: more buy pairs than the load can use up
first_outage=4     # seconds of load before the first stop
between=4          # seconds of load between the first recovery and the second stop
after=5            # seconds of load after the second recovery
down=5             # seconds each outage lasts at least
pool_timeout_ms=1000
[ "${1:-}" = "--scale" ] && scale=$2

bench_build
bench_require_wrk
pg_ctl_bin=$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$pg_ctl_bin" ]; then
    echo "installing postgresql" >&2
    apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null
    pg_ctl_bin=$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)
fi
pg_bin=$(dirname "$pg_ctl_bin")

work=$(mktemp -d /tmp/edutrack-faults.XXXX)
chmod 755 "$work"   # the postgres user reaches its data folder through it
pgdata=$work/pg/data
cleanup() {
    for pid in ${buys_pid:-} ${reads_pid:-}; do kill "$pid" 2>/dev/null || true; done
    bench_stop
    if [ -f "$pgdata/postmaster.pid" ]; then
        runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
# pg_ctl refuses to run as root; the cluster belongs to the postgres user.
pg() { (cd "$work" && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pgdata" "$@"); }

# PostgreSQL on a free loopback port, its socket in the work folder, trust for local connections.
bench_pg_init "$pg_bin" "$work"
pg -l "$work/pg/postgres.log" -w start >/dev/null
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$BENCH_DB_PORT, data in $pgdata"

EDUTRACK_DB_TIMEOUT_MS=$pool_timeout_ms bench_start "$work/data"
server_pid=$BENCH_PID
server_started=$(awk '{ print $22 }' "/proc/$server_pid/stat")   # start time: a new process has another
bench_pg_env
bench_fill "$scale"
bench_write_pairs "$work/pairs" 30
# The last pairs are for the single requests made while the database is down; wrk sends the rest.
tail -n 2 "$work/pairs" > "$work/probe-pairs"
head -n -2 "$work/pairs" > "$work/buy-pairs"
read -r token _ < "$work/pairs"
echo "server pid $server_pid, pool timeout $pool_timeout_ms ms, $(wc -l < "$work/buy-pairs") buy pairs"

# The buys and their debits and enrollments so far, to tell the load's apart.
db_counts() {
    psql -At -F ' ' -c "SELECT (SELECT count(*) FROM purchases),
        (SELECT count(*) FROM ledger_entries WHERE kind = 'purchase'),
        (SELECT count(*) FROM enrollments WHERE source = 'purchase' AND status = 'approved')"
}
read -r purchases_before debits_before enrolled_before < <(db_counts)

failures=()
fail() { failures+=("$1"); echo "FAIL: $1"; }

# probe NAME CURL_ARGS...: one request while the database is down; it must be a quick 503 with the body.
probe_ms=()
probe() {
    local name=$1; shift
    local out code secs ms body=bad
    out=$(curl -s -m 30 -o "$work/body" -w '%{http_code} %{time_total}' "$@" || true)
    read -r code secs <<< "$out"
    ms=$(awk -v s="$secs" 'BEGIN { printf "%d", s * 1000 }')
    if python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1])) != {"detail": "Service temporarily unavailable."})' \
        "$work/body" 2>/dev/null; then
        body=ok
    fi
    echo "$code" >> "$work/curl-codes"
    printf "  down: %-34s %s in %5d ms, body %s\n" "$name" "$code" "$ms" "$body"
    probe_ms+=("$ms")
    [ "$code" = 503 ] && [ "$body" = ok ] || fail "$name answered $code (body $body) while the database was down"
    [ "$ms" -le $((pool_timeout_ms + 2000)) ] || fail "$name took $ms ms while the database was down"
}

read_url="$BENCH_URL/api/courses/?page_size=50"
# status_of CURL_ARGS...: the status of one request, also noted in curl-codes.
status_of() { curl -s -m 30 -o /dev/null -w '%{http_code}\n' "$@" | tee -a "$work/curl-codes" || true; }

# outage N MODE: stops PostgreSQL with pg_ctl stop -m MODE, probes the server while it is down, starts
# PostgreSQL again and waits for the first 200 of a read.
recover_ms=()
outage() {
    local n=$1 mode=$2 stopped issued started back code ready
    local probe_pair probe_course
    read -r probe_pair probe_course < <(sed -n "${n}p" "$work/probe-pairs")
    echo "== outage $n: pg_ctl stop -m $mode at $(( ($(now_ms) - load_started) / 1000 )) s of load"
    issued=$(now_ms)
    pg -m "$mode" -w stop >/dev/null
    stopped=$(now_ms)
    echo "  stop took $((stopped - issued)) ms"
    probe "GET /api/courses/ (Bearer)" -H "Authorization: Bearer $token" "$read_url"
    probe "GET /api/accounts/subjects/" "$BENCH_URL/api/accounts/subjects/"
    probe "POST /api/courses/purchases/buy/" -H "Authorization: Bearer $probe_pair" \
        -H 'Content-Type: application/json' -d "{\"course_id\": $probe_course}" "$BENCH_URL/api/courses/purchases/buy/"
    probe "POST /api/accounts/login/" -H 'Content-Type: application/json' \
        -d "{\"email\": \"$BENCH_OWNER\", \"password\": \"$BENCH_PASSWORD\"}" "$BENCH_URL/api/accounts/login/"
    ready=$(curl -s -m 30 -w ' %{http_code} %{time_total}' "$BENCH_URL/actuator/health/readiness" || true)
    echo "  down: readiness $ready"
    [[ $ready == *DOWN*" 503 "* ]] || fail "readiness answered '$ready' while the database was down"
    while [ $(( $(now_ms) - stopped )) -lt $((down * 1000)) ]; do sleep 0.1; done

    issued=$(now_ms)
    pg -l "$work/pg/postgres.log" -w start >/dev/null
    started=$(now_ms)
    code=$(status_of -H "Authorization: Bearer $token" "$read_url")
    while [ "$code" != 200 ] && [ $(( $(now_ms) - started )) -lt 60000 ]; do
        sleep 0.1
        code=$(status_of -H "Authorization: Bearer $token" "$read_url")
    done
    back=$(now_ms)
    if [ "$code" != 200 ]; then
        fail "no 200 within 60 s of PostgreSQL's start after outage $n"
    fi
    echo "  back: down $((issued - stopped)) ms; pg_ctl start took $((started - issued)) ms; first 200 of a read" \
        "$((back - started)) ms after it returned ($((back - issued)) ms after issuing it)"
    recover_ms+=("$((back - started))")
    code=$(status_of "$BENCH_URL/actuator/health/readiness")
    echo "  back: readiness $code"
    [ "$code" = 200 ] || fail "readiness answered $code after outage $n"
}

# wrk runs until it gets SIGINT $after s after the second recovery, then prints its figures as usual.
echo "== load: buys (16 connections, distinct students) and course-list reads (8 connections)"
load_started=$(now_ms)
STATUSES=1 REQUESTS="$work/buy-pairs" THREADS=2 wrk -t2 -c16 -d120s --timeout 10s --latency \
    -s "$BENCH_DIR/requests.lua" "$BENCH_URL/api/courses/purchases/buy/" > "$work/wrk-buys" 2>&1 &
buys_pid=$!
STATUSES=1 wrk -t2 -c8 -d120s --timeout 10s --latency -s "$BENCH_DIR/requests.lua" \
    -H "Authorization: Bearer $token" "$read_url" > "$work/wrk-reads" 2>&1 &
reads_pid=$!

sleep "$first_outage"
outage 1 fast
sleep "$between"
outage 2 immediate
read -r purchases_recovered _ < <(db_counts)
echo "== load goes on for $after s after the last recovery"
sleep "$after"
kill -INT "$buys_pid" "$reads_pid" 2>/dev/null || true
wait "$buys_pid" "$reads_pid"
buys_pid= reads_pid=

echo "== wrk"
bench_wrk_summary "buy (distinct students)" 16 < "$work/wrk-buys"
bench_wrk_summary "courses list" 8 < "$work/wrk-reads"
for load in buys reads; do
    socket_errors=$(sed -n 's/^ *Socket errors: //p' "$work/wrk-$load")
    echo "$load: $(sed -n 's/^ *\([0-9]* requests in [^,]*\).*/\1/p' "$work/wrk-$load");" \
        "$(sed -n 's/^statuses: //p' "$work/wrk-$load"); socket errors: ${socket_errors:-none}"
done
# status N FILE: how many answers of status N wrk counted.
status() { sed -n 's/^statuses: //p' "$2" | tr ' ' '\n' | awk -F= -v s="$1" '$1 == s { n += $2 } END { print n + 0 }'; }
other_5xx() { sed -n 's/^statuses: //p' "$1" | tr ' ' '\n' | awk -F= '$1 >= 500 && $1 != 503 { n += $2 } END { print n + 0 }'; }
timeouts() { sed -n 's/.*timeout \([0-9]*\).*/\1/p' "$1" | awk '{ n += $1 } END { print n + 0 }'; }
curl_5xx=$(awk '$1 >= 500 && $1 != 503 { n++ } END { print n + 0 }' "$work/curl-codes")
answers_500=$(( $(other_5xx "$work/wrk-buys") + $(other_5xx "$work/wrk-reads") + curl_5xx ))
created=$(status 201 "$work/wrk-buys")
hung=$(( $(timeouts "$work/wrk-buys") + $(timeouts "$work/wrk-reads") ))
echo "curl: $(sort "$work/curl-codes" | uniq -c | awk '{ printf "%s%s=%s", sep, $2, $1; sep = " " }') (single requests and recovery polls)"
[ "$answers_500" = 0 ] || fail "$answers_500 answers were a 5xx other than 503"
[ "$hung" = 0 ] || fail "$hung requests got no answer within wrk's 10 s timeout"
[ "$(status 200 "$work/wrk-reads")" -gt 0 ] || fail "no read answered 200"

echo "== the database afterwards"
broken=$(psql -qAt -f "$BENCH_ROOT/server/src/test/resources/sql/ledger-invariants.sql" | grep -c . || true)
read -r purchases debits enrolled < <(db_counts)
read -r duplicates debit_mismatch orphan_debits < <(psql -At -F ' ' -c "
    SELECT (SELECT count(*) FROM (SELECT 1 FROM purchases GROUP BY student_id, course_id HAVING count(*) > 1) d),
           (SELECT count(*) FROM purchases p WHERE p.amount > 0 AND (SELECT count(*) FROM ledger_entries e
                WHERE e.student_id = p.student_id AND e.kind = 'purchase' AND e.reference = 'course:' || p.course_id) <> 1),
           (SELECT count(*) FROM ledger_entries e WHERE e.kind = 'purchase' AND NOT EXISTS (SELECT 1 FROM purchases p
                WHERE p.student_id = e.student_id AND e.reference = 'course:' || p.course_id))")
new_purchases=$((purchases - purchases_before))
echo "broken invariants (ledger-invariants.sql rows): $broken"
echo "during the load: $new_purchases purchases, $((debits - debits_before)) debits, $((enrolled - enrolled_before)) approved enrollments from purchases"
echo "duplicates: $duplicates (student, course) with more than one purchase, $debit_mismatch paid purchases without exactly one debit, $orphan_debits debits without a purchase"
# The server's request log has every answer it gave; wrk misses those still in flight when it stops.
served=$(grep -c ': POST /api/courses/purchases/buy/ 201 ' "$work/data/server.log" || true)
echo "buys: $new_purchases purchases in the database; the server answered 201 $served times, wrk received $created" \
    "(the rest were in flight when wrk stopped); commits whose answer was lost in an outage: $((new_purchases - served))"
echo "purchases after the last recovery: $((purchases - purchases_recovered))"
[ "$broken" = 0 ] || fail "$broken rows of ledger-invariants.sql"
[ "$duplicates" = 0 ] && [ "$debit_mismatch" = 0 ] && [ "$orphan_debits" = 0 ] || fail "duplicate or missing purchase rows"
[ "$new_purchases" = "$((debits - debits_before))" ] && [ "$new_purchases" = "$((enrolled - enrolled_before))" ] \
    || fail "purchases, debits and enrollments of the load differ"
[ "$served" -le "$new_purchases" ] && [ "$created" -le "$served" ] \
    || fail "buys answered 201 that are not in the database: $served answered, $new_purchases purchases"
[ "$((purchases - purchases_recovered))" -gt 0 ] || fail "no buy succeeded after the last recovery"
echo "PostgreSQL's crash recovery after the immediate stop: $(grep -q 'automatic recovery in progress' \
    "$work/pg/postgres.log" && echo ran || echo "not seen")"

restarted=no
if ! kill -0 "$server_pid" 2>/dev/null || [ "$(awk '{ print $22 }' "/proc/$server_pid/stat")" != "$server_started" ]; then
    restarted=yes
    fail "the server process $server_pid is not the one that started"
fi
code=$(status_of -H "Authorization: Bearer $token" "$read_url")
echo "server pid $server_pid still running: $([ "$restarted" = no ] && echo yes || echo no); a read now answers $code"
[ "$code" = 200 ] || fail "a read answered $code at the end"

max_503=$(printf '%s\n' "${probe_ms[@]}" | sort -n | tail -1)
avg_503=$(printf '%s\n' "${probe_ms[@]}" | awk '{ s += $1 } END { printf "%d", s / NR }')
echo "503 while down: ${#probe_ms[@]} requests, max $max_503 ms, avg $avg_503 ms (pool timeout $pool_timeout_ms ms)"
echo "command: bench/faults.sh --scale $scale"
echo "faults: outages=2 max_503_ms=$max_503 avg_503_ms=$avg_503 recover_ms=$(IFS=,; echo "${recover_ms[*]}")" \
    "answers_500=$answers_500 broken_invariants=$broken server_restarted=$restarted"
if [ ${#failures[@]} -gt 0 ]; then
    echo "${#failures[@]} failures; the server's first unexpected errors:" >&2
    grep -m 3 -A 12 'Unexpected error' "$work/data/server.log" >&2 || true
    exit 1
fi
