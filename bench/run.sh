#!/usr/bin/env bash
# The EduTrack benchmark: load on the main endpoints at 16 and 64 connections with the server's and
# PostgreSQL's CPU per request, latency at a steady offered load of half each endpoint's peak, the
# ceiling of the course list (pgbench on the cheapest hand-written SQL for the same page) in the same
# run, scaling of the list and the dashboard with the data size, and the memory of ?all=true at -Xmx256m.
#   bench/run.sh [--quick] [--scale F]
# Everything runs on this machine against 127.0.0.1; the load generator shares its cores with the
# server, so compare ratios taken in one run rather than absolute figures across machines.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
BENCH_JAR_SHOWN=$BENCH_JAR

seconds=20
scale=1
quick=
while [ $# -gt 0 ]; do
    case $1 in
        --quick) seconds=5; quick=--quick ;;
        --scale) scale=$2; shift ;;
        *) echo "usage: bench/run.sh [--quick] [--scale F]" >&2; exit 2 ;;
    esac
    shift
done

bench_build
bench_require_wrk
command -v pgbench >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq postgresql-client >/dev/null; }
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

work=$(mktemp -d /tmp/edutrack-bench.XXXX)
trap 'bench_stop; rm -rf "$work"' EXIT

# start_filled DATA_SCALE [JAVA_OPTS...]: a fresh server whose database holds the bench data; sets
# FILL_SECONDS and DB_MB.
start_filled() {
    local fill_scale=$1 started
    shift
    bench_stop
    rm -rf "$work/data"
    bench_start "$work/data" "$@"
    bench_pg_env
    started=$SECONDS
    bench_fill "$fill_scale"
    FILL_SECONDS=$((SECONDS - started))
    DB_MB=$(psql -At -c "SELECT pg_database_size(current_database()) / 1048576")
}

# The four reads: the list, dashboard and me here; the lectures of the student's course and the two
# Authorization headers from pick_users.
LIST_URL="$BENCH_URL/api/courses/?page_size=50"
DASHBOARD_URL="$BENCH_URL/api/courses/dashboard/teacher/"
ME_URL="$BENCH_URL/api/accounts/me/"

# A student with an approved enrollment, that course, a teacher with courses.
pick_users() {
    read -r STUDENT COURSE < <(psql -At -F ' ' -c "SELECT e.student_id, e.course_id FROM enrollments e
        JOIN courses c ON c.id = e.course_id WHERE e.status = 'approved' AND c.is_published ORDER BY e.id LIMIT 1")
    TEACHER=$(psql -At -c "SELECT teacher_id FROM courses GROUP BY teacher_id ORDER BY count(*) DESC LIMIT 1")
    STUDENT_AUTH="Authorization: Bearer $(echo "$STUDENT" | python3 "$BENCH_DIR/tokens.py" "$JWT_SIGNING_KEY" student)"
    TEACHER_AUTH="Authorization: Bearer $(echo "$TEACHER" | python3 "$BENCH_DIR/tokens.py" "$JWT_SIGNING_KEY" teacher)"
    LECTURES_URL="$BENCH_URL/api/courses/$COURSE/lectures/"
}

# "teacher_token course_id" for every course, for lecture creation.
lecture_pairs() {
    psql -At -F ' ' -c "SELECT teacher_id, id FROM courses ORDER BY id" > "$1.ids"
    cut -d' ' -f1 "$1.ids" | python3 "$BENCH_DIR/tokens.py" "$JWT_SIGNING_KEY" teacher > "$1.tokens"
    paste -d' ' "$1.tokens" <(cut -d' ' -f2 "$1.ids") > "$1"
    rm -f "$1.ids" "$1.tokens"
}

# The cheapest SQL that returns the student's first page of the course list (the count and 50
# courses with subject, teacher and lectures count) in one statement, as one would write it by hand
# for the schema in place: with the counters of migration V20 when they exist, counting otherwise.
# pgbench runs it as the ceiling of the endpoint; the server's own statements are not the measure.
hand_written_list_sql() {
    if [ "$(psql -At -c "SELECT to_regclass('catalogue_counts') IS NOT NULL")" = t ]; then
        HAND_SQL_KIND="counters (catalogue_counts, courses.lectures_count)"
        cat <<'SQL'
SELECT (SELECT published FROM catalogue_counts) AS count,
       c.id, c.title, c.description, c.price::text AS price, c.is_published, c.created_at, c.lectures_count,
       s.id, s.name, t.id, btrim(t.first_name || ' ' || t.last_name)
FROM courses c JOIN subjects s ON s.id = c.subject_id JOIN users t ON t.id = c.teacher_id
WHERE c.is_published ORDER BY c.id DESC LIMIT 50;
SQL
    else
        HAND_SQL_KIND="counting (count(*), a lectures subquery per row)"
        cat <<'SQL'
SELECT (SELECT count(*) FROM courses WHERE is_published) AS count,
       c.id, c.title, c.description, c.price::text AS price, c.is_published, c.created_at,
       (SELECT count(*) FROM lectures l WHERE l.course_id = c.id) AS lectures_count,
       s.id, s.name, t.id, btrim(t.first_name || ' ' || t.last_name)
FROM courses c JOIN subjects s ON s.id = c.subject_id JOIN users t ON t.id = c.teacher_id
WHERE c.is_published ORDER BY c.id DESC LIMIT 50;
SQL
    fi
}
pgbench_tps() {
    pgbench -n -c "$1" -j 2 -T "$seconds" -f "$work/list.sql" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1
}

# with_cpu COMMAND...: the command's summary line followed by the server's and PostgreSQL's CPU
# milliseconds per request while it ran.
with_cpu() {
    local before after line
    before=$(bench_cpu_ticks)
    line=$("$@")
    after=$(bench_cpu_ticks)
    echo "$line $(bench_cpu_per_request "$before" "$after" "$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<< "$line")")"
}

results="$work/results"
: > "$results"
load() {   # load NAME CONNECTIONS URL [HEADER]
    with_cpu bench_wrk "$1" "$2" "$seconds" "$3" "${4:-}" | tee -a "$results"
}
load_posts() {   # load_posts NAME CONNECTIONS URL FILE [ENV...]: one POST per line of FILE
    local name=$1 c=$2 url=$3 file=$4
    shift 4
    with_cpu env REQUESTS="$file" THREADS=2 "$@" bash -c 'source "$0"; bench_wrk_script "$@"' "$BENCH_DIR/lib.sh" \
        "$name" "$c" "$seconds" "$url" "$BENCH_DIR/requests.lua" | tee -a "$results"
}
# peak NAME: the highest requests/s of that endpoint's rows.
peak() {
    awk -v name="$1" 'index($0, name) == 1 { for (i = 1; i <= NF; i++) if ($i ~ /^rps=/) { v = substr($i, 5) + 0; if (v > m) m = v } } END { print m + 0 }' "$results"
}

# Every steady row is paced by bench/requests.lua (RATE): each of wrk's two threads sends its half of
# the rate at even intervals, the threads offset by half an interval, over 64 connections. hey -q is
# not used: each of its workers has its own ticker, all started together, so 64 workers send their
# requests in bursts of 64 at once, and the latency measured is that of the bursts.
# Each endpoint's steady row comes right after its peak rows, before anything else runs, so the
# offered load is half of what the machine served in the same minute: on a shared host the rate it
# serves can change from one minute to the next.
# A steady row's line shows the rate offered; host_ms, the host's speed just before the row
# (bench_host_ms), which rises when the host is slower; and stall_max_ms and stalls_10ms from
# bench/host-stalls.py running beside the row, the longest time the host kept a sleeping process
# waiting and how often that passed 10 ms, so a p99 the host made shows as such.
steady="$work/steady"
: > "$steady"
steady_row() {   # steady_row NAME COMMAND...: the command with RATE at half of NAME's peak; its line into $steady
    local name=$1 rate host line
    shift
    rate=$(( $(peak "$name") / 2 ))
    [ "$rate" -gt 0 ] || rate=1
    host=$(bench_host_ms)
    python3 "$BENCH_DIR/host-stalls.py" "$seconds" > "$work/stalls" &
    line=$(RATE=$rate with_cpu "$@")
    wait $!
    awk -v rate="$rate" -v host="$host" -v stalls="$(cat "$work/stalls")" \
        '{ sub(/c=64 +rps=/, sprintf("offered=%-6d achieved=", rate)); print $0 " host_ms=" host " " stalls }' <<< "$line" \
        | tee -a "$steady"
}
steady_get() {   # steady_get NAME URL HEADER
    steady_row "$1" env THREADS=2 bash -c 'source "$0"; wrk -t2 -c64 -d"$1s" --timeout 10s --latency -H "$2" -s "$3" "$4" \
        | bench_wrk_summary "$5" 64' "$BENCH_DIR/lib.sh" "$seconds" "$3" "$BENCH_DIR/requests.lua" "$2" "$1"
}
steady_post() {   # steady_post NAME URL FILE
    if [ ! -s "$3" ]; then
        echo "$1: no student left without an enrollment to send; skipped" | tee -a "$steady"
        return
    fi
    steady_row "$1" env REQUESTS="$3" THREADS=2 bash -c 'source "$0"; bench_wrk_script "$@"' "$BENCH_DIR/lib.sh" \
        "$1" 64 "$seconds" "$2" "$BENCH_DIR/requests.lua"
}

# warm_up: bench_warm_up with the four reads. Needs pick_users.
warm_up() {
    bench_warm_up $quick "$LIST_URL" "$STUDENT_AUTH" "$LECTURES_URL" "$STUDENT_AUTH" \
        "$ME_URL" "$STUDENT_AUTH" "$DASHBOARD_URL" "$TEACHER_AUTH"
}

p50_of() { sed -n 's/.* p50_ms=\([0-9.]*\).*/\1/p' <<< "$1"; }

echo "== scaling: p50 of the course list and the dashboard (16 connections, ${seconds}s each, each server warmed up first)"
scaling="$work/scaling"
scales=$(printf '%s\n' 0.01 0.1 "$scale" | sort -g -u | tr '\n' ' ')
for f in $scales; do
    start_filled "$f"
    pick_users
    warm_up
    list=$(with_cpu bench_wrk "list" 16 "$seconds" "$LIST_URL" "$STUDENT_AUTH")
    dash=$(with_cpu bench_wrk "dashboard" 16 "$seconds" "$DASHBOARD_URL" "$TEACHER_AUTH")
    printf "F=%-5s fill_s=%-4s db_mb=%-6s list_p50_ms=%-7s dashboard_p50_ms=%-7s list_rps=%s dashboard_rps=%s\n" "$f" \
        "$FILL_SECONDS" "$DB_MB" "$(p50_of "$list")" "$(p50_of "$dash")" \
        "$(sed -n 's/.* rps=\([0-9.]*\).*/\1/p' <<< "$list")" "$(sed -n 's/.* rps=\([0-9.]*\).*/\1/p' <<< "$dash")" | tee -a "$scaling"
done
scaling_line=$(awk '{ for (i = 1; i <= NF; i++) { if ($i ~ /^list_p50_ms=/) l[NR] = substr($i, 13); if ($i ~ /^dashboard_p50_ms=/) d[NR] = substr($i, 18) } }
    END { printf "scaling: list=%.2f dashboard=%.2f", (l[1] > 0 ? l[NR] / l[1] : 0), (d[1] > 0 ? d[NR] / d[1] : 0) }' "$scaling")
echo "$scaling_line   (p50 at F=$(awk 'END { sub("F=", "", $1); print $1 }' "$scaling") over p50 at F=0.01)"

[ "$f" = "$scale" ] || { start_filled "$scale"; pick_users; }

warm_up
echo "== load at F=$scale (${seconds}s per row), with the server still filled at F=$scale; CPU per request from /proc"
echo "   each endpoint at 16 and 64 connections, then a steady load at half of its peak: offered=N achieved=N"
read_rows() {   # read_rows NAME URL HEADER: the peak at 16 and 64 connections, then the steady load
    load "$1" 16 "$2" "$3"
    load "$1" 64 "$2" "$3"
    steady_get "$1" "$2" "$3"
}
read_rows "courses list" "$LIST_URL" "$STUDENT_AUTH"
read_rows "lectures (approved)" "$LECTURES_URL" "$STUDENT_AUTH"
read_rows "teacher dashboard" "$DASHBOARD_URL" "$TEACHER_AUTH"
read_rows "me" "$ME_URL" "$STUDENT_AUTH"
# Every write row sends each (student, course) pair once: the 16 and 64 connection rows take the two
# halves of pairs chosen from offset K of bench_write_pairs, the steady row pairs chosen afterwards
# from another offset, so none repeats an enrollment the rows before it made.
write_rows() {   # write_rows NAME URL K STEADY_K
    local name=$1 url=$2 half file
    file="$work/pairs-$3"
    bench_write_pairs "$file" "$3"
    half=$(( $(wc -l < "$file") / 2 ))
    head -n "$half" "$file" > "$file-16"
    tail -n +$((half + 1)) "$file" > "$file-64"
    load_posts "$name" 16 "$url" "$file-16"
    load_posts "$name" 64 "$url" "$file-64"
    bench_write_pairs "$work/pairs-$4" "$4"
    steady_post "$name" "$url" "$work/pairs-$4"
}
write_rows "enroll (distinct students)" "$BENCH_URL/api/courses/enrollments/enroll/" 10 50
write_rows "buy (distinct students)" "$BENCH_URL/api/courses/purchases/buy/" 30 70
lecture_pairs "$work/lecture-pairs"
for c in 16 64; do
    load_posts "lecture create (all courses)" "$c" "$BENCH_URL/api/courses/" "$work/lecture-pairs" LECTURES=1
done
echo "== steady rows again (targets: p99 under 50 ms for every read, under 150 ms for enroll and buy)"
cat "$steady"
echo "== logins at F=$scale (${seconds}s per row)"
# One connection shows the login time itself; 16 and 64 show how logins queue for the CPU. Each
# request logs in another student: parallel logins of one email are throttled by design.
students=$(psql -At -c "SELECT count(*) FROM users WHERE email LIKE 'student%@bench.test'")
for c in 1 16 64; do
    # A row's connections close with logins still queued for a hash; they would hold queue places in
    # the next row.
    bench_settle
    with_cpu env EMAIL=$BENCH_OWNER PASSWORD=$BENCH_PASSWORD STUDENTS="$students" bash -c 'source "$0"; bench_wrk_script "$@"' "$BENCH_DIR/lib.sh" \
        "login" "$c" "$seconds" "$BENCH_URL/api/accounts/login/" "$BENCH_DIR/login.lua" | tee -a "$results"
done

echo "== the list's ceiling: pgbench on the cheapest hand-written SQL for the same page"
hand_written_list_sql > "$work/list.sql"
echo "hand-written SQL: $HAND_SQL_KIND"
pg16=$(pgbench_tps 16); pg64=$(pgbench_tps 64)
echo "pgbench hand-written list SQL  c=16  tps=$pg16"
echo "pgbench hand-written list SQL  c=64  tps=$pg64"

echo "== memory: ?all=true on the students list at F=$scale, server at -Xmx256m"
owner_token=$(echo "$(psql -At -c "SELECT id FROM users WHERE email = '$BENCH_OWNER'")" | python3 "$BENCH_DIR/tokens.py" "$JWT_SIGNING_KEY" siteowner)
bench_stop
bench_start "$work/data" -Xmx256m
status=$(curl -s -o "$work/all.json" -w '%{http_code}' -H "Authorization: Bearer $owner_token" \
    "$BENCH_URL/api/accounts/students/?all=true")
rss_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$BENCH_PID/status")
rows=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['results']), d['count'])" "$work/all.json" 2>/dev/null || echo "0 0")
all_ok=no
read -r got count <<< "$rows"
if [ "$status" = 200 ] && [ "$got" = "$count" ] && [ "$count" -gt 0 ]; then all_ok=yes; fi
echo "all=true: status $status, $got of $count students, $(du -h "$work/all.json" | cut -f1) of JSON, peak RSS $((rss_kb / 1024)) MiB"

field() {   # field NAME FILE PATTERN: the values of NAME= on the lines of FILE matching PATTERN
    awk -v name="$1=" -v pattern="$3" '$0 ~ pattern { for (i = 1; i <= NF; i++) if (index($i, name) == 1) print substr($i, length(name) + 1) }' "$2"
}
max_of() { awk 'BEGIN { m = 0 } { if ($1 + 0 > m) m = $1 + 0 } END { print m }'; }
list_rps=$(field rps "$results" '^courses list .*c=64')
list_p99=$(field p99_ms "$results" '^courses list .*c=64')
worst_read=$(field p99_ms "$results" '^(courses list|lectures|teacher dashboard|me) .*c=64' | max_of)
errors=$( (field errors "$results" .; field errors "$steady" .) | awk '{ e += $1 } END { print e + 0 }')
login_p50=$(field p50_ms "$results" '^login .*c=1 ')
steady_read=$(field p99_ms "$steady" '^(courses list|lectures|teacher dashboard|me) ' | max_of)
steady_write=$(field p99_ms "$steady" '^(enroll|buy) ' | max_of)
ratio=$(awk -v a="$list_rps" -v b="$pg64" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$scaling_line"
echo "command: ${BENCH_JAR_SHOWN:+BENCH_JAR=$BENCH_JAR_SHOWN }bench/run.sh${quick:+ $quick} --scale $scale"
echo "bench: list_rps=$list_rps pgbench_tps=$pg64 ratio=$ratio list_p99_ms=$list_p99 worst_read_p99_ms=$worst_read errors=$errors login_p50_ms=$login_p50 all_true_ok=$all_ok steady_read_p99_ms=$steady_read steady_write_p99_ms=$steady_write"
