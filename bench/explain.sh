#!/usr/bin/env bash
# The plans PostgreSQL chose for the course list and the teacher dashboard, as the server runs them,
# on the bench data at scale F (default 0.1: 100,000 enrollments). auto_explain logs each statement of
# two requests of each endpoint with EXPLAIN ANALYZE; this prints those plans.
#   bench/explain.sh [--scale F]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
scale=0.1
[ "${1:-}" = "--scale" ] && scale=$2

bench_build
work=$(mktemp -d /tmp/edutrack-explain.XXXX)
trap 'bench_stop; rm -rf "$work"' EXIT
bench_start "$work/data"
bench_pg_env
bench_fill "$scale"
psql -q -c "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'" \
     -c "ALTER SYSTEM SET auto_explain.log_min_duration = 0" \
     -c "ALTER SYSTEM SET auto_explain.log_analyze = on" \
     -c "ALTER SYSTEM SET auto_explain.log_buffers = on" \
     -c "ALTER SYSTEM SET auto_explain.log_nested_statements = on" \
     -c "ALTER SYSTEM SET logging_collector = on" \
     -c "SELECT pg_reload_conf()" >/dev/null
bench_stop
bench_start "$work/data"   # new connections load auto_explain
bench_pg_env
student=$(psql -At -c "SELECT student_id FROM enrollments WHERE status = 'approved' ORDER BY id LIMIT 1")
teacher=$(psql -At -c "SELECT teacher_id FROM courses GROUP BY teacher_id ORDER BY count(*) DESC LIMIT 1")
echo "data: $(psql -At -c "SELECT (SELECT count(*) FROM courses) || ' courses, ' || (SELECT count(*) FROM enrollments) || ' enrollments'")"
# The log PostgreSQL writes into its data folder (logging_collector).
pg_log() {
    cat "$BENCH_DATA"/postgres/log/*.log 2>/dev/null || true
}

# plans_since LINE: the plans PostgreSQL logged after that line of its log, without
# authentication's own lookup of the caller.
plans_since() {
    pg_log | tail -n +"$(($1 + 1))" \
        | awk '/duration: .* plan:/ { if (block !~ /is_active FROM users WHERE id/) printf "%s", block; block = "" }
               { block = block $0 "\n" }
               END { if (block !~ /is_active FROM users WHERE id/) printf "%s", block }'
}

# explain TITLE ROLE USER_ID PATH: one request as that user, and the plans it ran.
explain() {
    local mark
    mark=$(pg_log | wc -l)
    curl -s -o /dev/null -H "Authorization: Bearer $(echo "$3" | python3 "$BENCH_DIR/tokens.py" "$JWT_SIGNING_KEY" "$2")" \
        "$BENCH_URL$4"
    sleep 1
    echo "== GET $4 as $1"
    plans_since "$mark"
}

# Each endpoint twice: first with nothing kept, then with the answer the first request kept
# (VersionedCache), whose version is all the second one reads.
for kept in "nothing kept yet" "again, answer kept"; do
    explain "a student, $kept" student "$student" "/api/courses/?page_size=50"
    explain "the teacher with the most courses, $kept" teacher "$teacher" "/api/courses/dashboard/teacher/"
done
echo "command: bench/explain.sh --scale $scale"
