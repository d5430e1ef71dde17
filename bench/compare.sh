#!/usr/bin/env bash
# Before and after in one run: another build's jar (BEFORE, e.g. the last release) and this
# checkout's build, each on its own embedded PostgreSQL filled at scale F, both running at once; every
# row is sent to one then the other straight after, so a busier minute of the machine weighs on both.
# Prints each row with the server's and PostgreSQL's CPU milliseconds per request, then a table of
# the requests/s of both and their ratio. Writes run on students and courses of their own per jar.
#   bench/compare.sh BEFORE_JAR [--quick] [--scale F]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)

[ $# -ge 1 ] && [ -f "$1" ] || { echo "usage: bench/compare.sh BEFORE_JAR [--quick] [--scale F]" >&2; exit 2; }
before_jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
command_line="bench/compare.sh $*"
shift
seconds=20
scale=1
quick=
while [ $# -gt 0 ]; do
    case $1 in
        --quick) seconds=5; quick=--quick ;;
        --scale) scale=$2; shift ;;
        *) echo "usage: bench/compare.sh BEFORE_JAR [--quick] [--scale F]" >&2; exit 2 ;;
    esac
    shift
done

bench_build
after_jar=$BENCH_JAR
bench_require_wrk
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
work=$(mktemp -d /tmp/edutrack-compare.XXXX)
declare -A PIDS DATAS PORTS PGPORTS
stop_all() {
    for name in "${!PIDS[@]}"; do
        kill "${PIDS[$name]}" 2>/dev/null || true
        wait "${PIDS[$name]}" 2>/dev/null || true
    done
}
trap 'stop_all; rm -rf "$work"' EXIT

# use NAME: points lib.sh's functions, psql and the tokens at that server.
use() {
    BENCH_PID=${PIDS[$1]} BENCH_DATA=${DATAS[$1]} BENCH_PORT=${PORTS[$1]}
    BENCH_URL="http://127.0.0.1:$BENCH_PORT"
    export PGHOST=127.0.0.1 PGPORT=${PGPORTS[$1]} PGUSER=postgres PGDATABASE=postgres
    source "$work/$1.env"
}

# start NAME JAR PORT: a server on a database filled at the scale, with the users and write pairs the rows need.
start() {
    local name=$1 student teacher course
    BENCH_JAR=$2 BENCH_PORT=$3 BENCH_URL="http://127.0.0.1:$3"
    bench_start "$work/$name"
    bench_pg_env
    PIDS[$name]=$BENCH_PID DATAS[$name]=$BENCH_DATA PORTS[$name]=$3 PGPORTS[$name]=$PGPORT
    bench_fill "$scale"
    read -r student course < <(psql -At -F ' ' -c "SELECT e.student_id, e.course_id FROM enrollments e
        JOIN courses c ON c.id = e.course_id WHERE e.status = 'approved' AND c.is_published ORDER BY e.id LIMIT 1")
    teacher=$(psql -At -c "SELECT teacher_id FROM courses GROUP BY teacher_id ORDER BY count(*) DESC LIMIT 1")
    {
        echo "STUDENT_TOKEN=$(echo "$student" | python3 "$BENCH_DIR/tokens.py" "$JWT_SIGNING_KEY" student)"
        echo "TEACHER_TOKEN=$(echo "$teacher" | python3 "$BENCH_DIR/tokens.py" "$JWT_SIGNING_KEY" teacher)"
        echo "COURSE=$course"
    } > "$work/$name.env"
    bench_write_pairs "$work/$name.enroll" 10
    psql -At -F ' ' -c "SELECT teacher_id, id FROM courses ORDER BY id" > "$work/$name.ids"
    paste -d' ' <(cut -d' ' -f1 "$work/$name.ids" | python3 "$BENCH_DIR/tokens.py" "$JWT_SIGNING_KEY" teacher) \
        <(cut -d' ' -f2 "$work/$name.ids") > "$work/$name.lectures"
}

start before "$before_jar" $((BENCH_PORT + 1))
start after "$after_jar" $((BENCH_PORT + 2))
echo "before: $before_jar"
echo "after:  $after_jar"

# posts FILE NAME CONNECTIONS URL [ENV...]: one POST per line of FILE (bench/requests.lua).
posts() {
    local file=$1 name=$2 c=$3 url=$4
    shift 4
    env REQUESTS="$file" THREADS=2 "$@" bash -c 'source "$0"; bench_wrk_script "$@"' "$BENCH_DIR/lib.sh" \
        "$name" "$c" "$seconds" "$url" "$BENCH_DIR/requests.lua"
}

rows="$work/rows"
: > "$rows"
# row NAME CONNECTIONS KIND: the row against each server in turn; KIND is get:PATH:TOKEN or a POST file (enroll, lectures).
row() {
    local name=$1 c=$2 kind=$3 who before after line requests
    for who in before after; do
        use "$who"
        before=$(bench_cpu_ticks)
        case $kind in
            get:*)
                IFS=: read -r _ path token <<< "$kind"
                line=$(bench_wrk "$who $name" "$c" "$seconds" "$BENCH_URL$path" "Authorization: Bearer ${!token}") ;;
            enroll)
                line=$(posts "$work/$who.enroll.$c" "$who $name" "$c" "$BENCH_URL/api/courses/enrollments/enroll/") ;;
            lectures)
                line=$(posts "$work/$who.lectures" "$who $name" "$c" "$BENCH_URL/api/courses/" LECTURES=1) ;;
        esac
        after=$(bench_cpu_ticks)
        requests=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<< "$line")
        echo "$line $(bench_cpu_per_request "$before" "$after" "$requests")" | tee -a "$rows"
    done
}

echo "== warm-up: each server until its JIT compiler is idle (bench_warm_up)"
for who in before after; do
    use "$who"
    bench_warm_up $quick "$BENCH_URL/api/courses/?page_size=50" "Authorization: Bearer $STUDENT_TOKEN" \
        "$BENCH_URL/api/courses/dashboard/teacher/" "Authorization: Bearer $TEACHER_TOKEN" \
        "$BENCH_URL/api/accounts/me/" "Authorization: Bearer $STUDENT_TOKEN" | sed "s/^/$who /"
done
echo "== rows at F=$scale (${seconds}s each), before then after"
for c in 16 64; do
    row "courses list" "$c" "get:/api/courses/?page_size=50:STUDENT_TOKEN"
    row "teacher dashboard" "$c" "get:/api/courses/dashboard/teacher/:TEACHER_TOKEN"
    row "me" "$c" "get:/api/accounts/me/:STUDENT_TOKEN"
done
for who in before after; do
    half=$(( $(wc -l < "$work/$who.enroll") / 2 ))
    head -n "$half" "$work/$who.enroll" > "$work/$who.enroll.16"
    tail -n +"$((half + 1))" "$work/$who.enroll" > "$work/$who.enroll.64"
done
for c in 16 64; do
    row "enroll (distinct students)" "$c" enroll
    row "lecture create" "$c" lectures
done

echo "== requests/s and CPU ms per request (server + PostgreSQL), before and after"
awk '{
        who = $1; c = ""; rps = ""; cpu = 0; name = ""
        for (i = 2; i <= NF; i++) {
            if ($i ~ /^c=/) c = substr($i, 3)
            else if ($i ~ /^rps=/) rps = substr($i, 5)
            else if ($i ~ /^(server|pg)_cpu_ms=/) { split($i, kv, "="); cpu += kv[2] }
            else if (c == "") name = name (name == "" ? "" : " ") $i
        }
        key = name " c=" c
        if (!(key in order)) { order[key] = ++n; keys[n] = key }
        r[key, who] = rps; cp[key, who] = cpu
     }
     END {
        printf "%-34s %10s %10s %6s %12s %12s\n", "row", "before_rps", "after_rps", "x", "before_cpu", "after_cpu"
        for (i = 1; i <= n; i++) {
            k = keys[i]
            printf "%-34s %10s %10s %6.2f %12.2f %12.2f\n", k, r[k, "before"], r[k, "after"],
                (r[k, "before"] > 0 ? r[k, "after"] / r[k, "before"] : 0), cp[k, "before"], cp[k, "after"]
            if (k ~ /^courses list/) { lx = (lx == "" || r[k, "after"] / r[k, "before"] < lx) ? r[k, "after"] / r[k, "before"] : lx }
            if (k ~ /^teacher dashboard/) { dx = (dx == "" || r[k, "after"] / r[k, "before"] < dx) ? r[k, "after"] / r[k, "before"] : dx }
        }
        printf "compare: list_x=%.2f dashboard_x=%.2f   (the lower of 16 and 64 connections)\n", lx, dx
     }' "$rows"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: $command_line"
