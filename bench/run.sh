#!/usr/bin/env bash
# The EduTrack benchmark: load on the main endpoints at 16 and 64 connections, the database's own
# ceiling for the course list (pgbench) in the same run, scaling of the list and the dashboard with
# the data size, and the memory of ?all=true at -Xmx256m.
#   bench/run.sh [--quick] [--scale F]
# Everything runs on this machine against 127.0.0.1; the load generator shares its cores with the
# server, so compare ratios taken in one run rather than absolute figures across machines.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)

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

work=$(mktemp -d /tmp/edutrack-bench.XXXX)
trap 'bench_stop; rm -rf "$work"' EXIT

# start_filled DATA_SCALE [JAVA_OPTS...]: a fresh server whose database holds the bench data.
start_filled() {
    local fill_scale=$1; shift
    bench_stop
    rm -rf "$work/data"
    bench_start "$work/data" "$@"
    bench_pg_env
    bench_fill "$fill_scale"
}

# A student with an approved enrollment, that course, a teacher with courses.
pick_users() {
    read -r STUDENT COURSE < <(psql -At -F ' ' -c "SELECT e.student_id, e.course_id FROM enrollments e
        JOIN courses c ON c.id = e.course_id WHERE e.status = 'approved' AND c.is_published ORDER BY e.id LIMIT 1")
    TEACHER=$(psql -At -c "SELECT teacher_id FROM courses GROUP BY teacher_id ORDER BY count(*) DESC LIMIT 1")
    STUDENT_TOKEN=$(echo "$STUDENT" | python3 "$BENCH_DIR/tokens.py" "$JWT_SIGNING_KEY" student)
    TEACHER_TOKEN=$(echo "$TEACHER" | python3 "$BENCH_DIR/tokens.py" "$JWT_SIGNING_KEY" teacher)
}

# The SQL the course list runs for a student (server/src/main/resources/mybatis/courses/CourseMapper.xml),
# for pgbench: the database's own ceiling for this endpoint.
cat > "$work/list.sql" <<'SQL'
SELECT count(*) FROM courses c WHERE (c.is_published OR c.teacher_id = CAST(NULL AS BIGINT));
SELECT c.id, c.title, c.description, c.price::text AS price, c.is_published, c.created_at,
       (SELECT count(*) FROM lectures l WHERE l.course_id = c.id) AS lectures_count,
       s.id AS subject_id, s.name AS subject_name, t.id AS teacher_id,
       btrim(t.first_name || ' ' || t.last_name) AS teacher_full_name
FROM courses c JOIN subjects s ON s.id = c.subject_id JOIN users t ON t.id = c.teacher_id
WHERE (c.is_published OR c.teacher_id = CAST(NULL AS BIGINT))
ORDER BY c.id DESC LIMIT 50 OFFSET 0;
SQL
pgbench_tps() {
    pgbench -n -c "$1" -j 2 -T "$seconds" -f "$work/list.sql" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1
}

results="$work/results"
: > "$results"
load() {   # load NAME CONNECTIONS URL [HEADER]
    bench_wrk "$1" "$2" "$seconds" "$3" "${4:-}" | tee -a "$results"
}
load_posts() {   # load_posts NAME CONNECTIONS URL FILE: one POST per line of FILE
    REQUESTS=$4 THREADS=2 bench_wrk_script "$1" "$2" "$seconds" "$3" "$BENCH_DIR/requests.lua" | tee -a "$results"
}

echo "== scaling: p50 of the course list and the dashboard (16 connections, ${seconds}s each)"
scaling="$work/scaling"
for f in 0.01 0.1 "$scale"; do
    start_filled "$f"
    pick_users
    list=$(bench_wrk "list" 16 "$seconds" "$BENCH_URL/api/courses/?page_size=50" "Authorization: Bearer $STUDENT_TOKEN")
    dash=$(bench_wrk "dashboard" 16 "$seconds" "$BENCH_URL/api/courses/dashboard/teacher/" "Authorization: Bearer $TEACHER_TOKEN")
    printf "F=%-5s list_p50_ms=%s dashboard_p50_ms=%s\n" "$f" \
        "$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<< "$list")" "$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<< "$dash")" | tee -a "$scaling"
done

echo "== load at F=$scale (${seconds}s per row), with the server still filled at F=$scale"
bench_write_pairs "$work/enroll-pairs" 10
bench_write_pairs "$work/buy-pairs" 30
for c in 16 64; do
    load "courses list" "$c" "$BENCH_URL/api/courses/?page_size=50" "Authorization: Bearer $STUDENT_TOKEN"
    load "lectures (approved)" "$c" "$BENCH_URL/api/courses/$COURSE/lectures/" "Authorization: Bearer $STUDENT_TOKEN"
    load "teacher dashboard" "$c" "$BENCH_URL/api/courses/dashboard/teacher/" "Authorization: Bearer $TEACHER_TOKEN"
    load "me" "$c" "$BENCH_URL/api/accounts/me/" "Authorization: Bearer $STUDENT_TOKEN"
done
for c in 16 64; do
    # Each connection count takes its own half of the pairs, so no request repeats an earlier one.
    half=$(( $(wc -l < "$work/enroll-pairs") / 2 ))
    if [ "$c" = 16 ]; then sel="head -n $half"; else sel="tail -n +$((half + 1))"; fi
    $sel "$work/enroll-pairs" > "$work/enroll-$c"
    $sel "$work/buy-pairs" > "$work/buy-$c"
    load_posts "enroll (distinct students)" "$c" "$BENCH_URL/api/courses/enrollments/enroll/" "$work/enroll-$c"
    load_posts "buy (distinct students)" "$c" "$BENCH_URL/api/courses/purchases/buy/" "$work/buy-$c"
done
# One connection shows the login time itself; 16 and 64 show how logins queue for the CPU.
for c in 1 16 64; do
    EMAIL=$BENCH_OWNER PASSWORD=$BENCH_PASSWORD bench_wrk_script "login" "$c" "$seconds" \
        "$BENCH_URL/api/accounts/login/" "$BENCH_DIR/login.lua" | tee -a "$results"
done

echo "== the database's ceiling: pgbench running the course list's SQL"
pg16=$(pgbench_tps 16); pg64=$(pgbench_tps 64)
echo "pgbench course-list SQL  c=16  tps=$pg16"
echo "pgbench course-list SQL  c=64  tps=$pg64"

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

list_rps=$(awk '/^courses list/ && /c=64/ { sub("rps=", "", $4); print $4 }' "$results")
list_p99=$(awk '/^courses list/ && /c=64/ { for (i = 1; i <= NF; i++) if ($i ~ /^p99_ms=/) { sub("p99_ms=", "", $i); print $i } }' "$results")
worst_read=$(awk '/^(courses list|lectures|teacher dashboard|me) / && /c=64/ { for (i = 1; i <= NF; i++) if ($i ~ /^p99_ms=/) { sub("p99_ms=", "", $i); if ($i + 0 > m) m = $i + 0 } } END { print m + 0 }' "$results")
errors=$(awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^errors=/) { sub("errors=", "", $i); e += $i } } END { print e + 0 }' "$results")
login_p50=$(awk '/^login/ && /c=1 / { for (i = 1; i <= NF; i++) if ($i ~ /^p50_ms=/) { sub("p50_ms=", "", $i); print $i } }' "$results")
ratio=$(awk -v a="$list_rps" -v b="$pg64" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
echo "command: bench/run.sh${quick:+ $quick} --scale $scale"
echo "bench: list_rps=$list_rps pgbench_tps=$pg64 ratio=$ratio list_p99_ms=$list_p99 worst_read_p99_ms=$worst_read errors=$errors login_p50_ms=$login_p50 all_true_ok=$all_ok"
