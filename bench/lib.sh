# Shared by the bench scripts: build the server jar, start it on a fresh embedded PostgreSQL (or on
# the PostgreSQL at 127.0.0.1:$BENCH_DB_PORT when that is set), stop it. Every request goes to
# 127.0.0.1 only.

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_PORT=${BENCH_PORT:-8100}
BENCH_URL="http://127.0.0.1:$BENCH_PORT"
BENCH_OWNER=bench-owner@edutrack.test
BENCH_PASSWORD=Bench-owner-2026
# The server under test: this checkout's build, or another build's jar to compare with (BENCH_JAR=...).
BENCH_JAR=${BENCH_JAR:-}
# The server signs with this key, so bench/tokens.py can sign access tokens it accepts.
export JWT_SIGNING_KEY=bench-signing-key-bench-signing-key-0123456789

bench_build() {
    [ -z "$BENCH_JAR" ] || return 0
    BENCH_JAR="$BENCH_ROOT/server/target/edutrack-server.jar"
    local jar=$BENCH_JAR
    if [ ! -f "$jar" ] || [ -n "$(find "$BENCH_ROOT/server/src" "$BENCH_ROOT/openapi/edutrack.yaml" -newer "$jar" -print -quit)" ]; then
        (cd "$BENCH_ROOT" && mvn -q -pl server package -DskipTests) >&2
    fi
}

# bench_free_port: a TCP port free on 127.0.0.1 now.
bench_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# bench_pg_init PG_BIN WORK: a new PostgreSQL cluster in WORK/pg/data, owned by the postgres user
# (PostgreSQL refuses to run as root), on a free loopback port (sets BENCH_DB_PORT), its socket in
# WORK/pg, trust for local connections. Not started.
bench_pg_init() {
    local pg_bin=$1 work=$2
    BENCH_DB_PORT=$(bench_free_port)
    install -d -o postgres -g postgres "$work/pg"
    (cd "$work" && runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null)
    cat >> "$work/pg/data/postgresql.conf" <<CONF
port = $BENCH_DB_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work/pg'
timezone = 'UTC'
max_connections = 100
CONF
}

bench_require_wrk() {
    if ! command -v wrk >/dev/null; then
        echo "installing wrk" >&2
        apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
    fi
}

# bench_settle: waits (at most 30 s) until the server has used less than a tenth of a core for a second.
bench_settle() {
    local before after
    for _ in $(seq 1 30); do
        before=$(bench_cpu_ticks | cut -d' ' -f1)
        sleep 1
        after=$(bench_cpu_ticks | cut -d' ' -f1)
        [ $(( (after - before) * 10 )) -lt "$(getconf CLK_TCK)" ] && return 0
    done
}

# bench_cpu_ticks: "SERVER PG", the CPU clock ticks (user + system) used so far by the server's JVM
# and by the embedded PostgreSQL: its postmaster, its live backends, and the backends that ended
# (counted in the postmaster's cutime/cstime once reaped). PG is 0 when BENCH_DB_PORT is set.
bench_cpu_ticks() {
    local postmaster=0
    if [ -z "${BENCH_DB_PORT:-}" ] && [ -f "$BENCH_DATA/postgres/postmaster.pid" ]; then
        postmaster=$(head -1 "$BENCH_DATA/postgres/postmaster.pid")
    fi
    # The command name (field 2) may hold spaces: drop it, so utime..cstime are fields 13..16.
    # A process may end between the glob and its read: cat then fails, which must not end the run.
    { cat /proc/[0-9]*/stat 2>/dev/null || true; } | sed 's/^\([0-9]*\) (.*) /\1 /' | awk -v server="$BENCH_PID" -v pm="$postmaster" '
        $1 == server { s += $13 + $14 }
        $1 == pm || ($3 == pm && pm > 0) { p += $13 + $14 + $15 + $16 }
        END { printf "%d %d\n", s, p }'
}

# bench_jit_ticks: the CPU clock ticks used so far by the server JVM's JIT compiler threads (C1 and C2).
# A thread the JVM ends takes its ticks with it, so compare two readings with a floor of 0.
bench_jit_ticks() {
    local task
    for task in /proc/"$BENCH_PID"/task/*; do
        case $(cat "$task/comm" 2>/dev/null) in
            C1\ Compiler* | C2\ Compiler*) sed 's/^.*) //' "$task/stat" 2>/dev/null || true ;;
        esac
    done | awk '{ t += $12 + $13 } END { print t + 0 }'
}

# bench_warm_up [--quick] URL HEADER [URL HEADER...]: rounds of the given reads at 16 connections,
# 5 s each, until the server's JIT compiler threads use under 1% of a core in a round (at most 15
# rounds; with --quick 2 s each and 3 rounds, so the JVM may still be compiling), printing the
# compiler's CPU for each round. A JVM fresh from start keeps them busy for two to four minutes of
# traffic on this kind of machine, at about a quarter of its two cores: a paced row of me 40 s after
# start cost 4.2 ms of CPU a request, 1.5 ms of it compiling, and 1.3 ms two minutes later.
bench_warm_up() {
    local row_seconds=5 max_rounds=15 round jit_before jit_ms i
    if [ "${1:-}" = --quick ]; then
        row_seconds=2 max_rounds=3
        shift
    fi
    local reads=$(($# / 2)) targets=("$@")
    for round in $(seq 1 "$max_rounds"); do
        jit_before=$(bench_jit_ticks)
        for ((i = 0; i < ${#targets[@]}; i += 2)); do
            bench_wrk "warm-up" 16 "$row_seconds" "${targets[i]}" "${targets[i + 1]}" >/dev/null
        done
        jit_ms=$(( ($(bench_jit_ticks) - jit_before) * 1000 / $(getconf CLK_TCK) ))
        [ "$jit_ms" -ge 0 ] || jit_ms=0
        echo "warm-up round $round: JIT compiler CPU ${jit_ms} ms in $((reads * row_seconds)) s of the $reads reads"
        [ "$jit_ms" -ge $((reads * row_seconds * 1000 / 100)) ] || return 0
    done
}

# bench_host_ms: the CPU milliseconds a fixed loop of arithmetic takes now, for the host's speed at
# the moment: on a shared host the same loop was seen to take 1.7 times as long from one minute to
# the next.
bench_host_ms() {
    python3 -c 'import time
started = time.process_time()
s = 0
for i in range(5000000): s += i
print(round((time.process_time() - started) * 1000))'
}

# bench_cpu_per_request BEFORE AFTER REQUESTS: "server_cpu_ms=X pg_cpu_ms=Y" per request between two
# bench_cpu_ticks readings.
bench_cpu_per_request() {
    awk -v before="$1" -v after="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN {
        split(before, b, " "); split(after, a, " ");
        if (n <= 0) n = 1;
        printf "server_cpu_ms=%.2f pg_cpu_ms=%.2f", (a[1] - b[1]) * 1000 / hz / n, (a[2] - b[2]) * 1000 / hz / n }'
}

# bench_start DATA_DIR [JAVA_OPTS...]: starts the server and waits until it is healthy. With
# BENCH_DB_PORT set, the server uses the database postgres of the PostgreSQL on that port (user
# postgres, no password) instead of starting one of its own.
bench_start() {
    local data_dir=$1; shift
    BENCH_DATA=$data_dir
    mkdir -p "$data_dir"
    if curl -s -o /dev/null "$BENCH_URL"; then
        echo "something already answers on port $BENCH_PORT; set BENCH_PORT to a free one" >&2
        return 1
    fi
    local database=()
    if [ -n "${BENCH_DB_PORT:-}" ]; then
        database=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$BENCH_DB_PORT/postgres" SPRING_DATASOURCE_USERNAME=postgres)
    fi
    env PORT=$BENCH_PORT EDUTRACK_DATA_DIR="$data_dir" "${database[@]}" \
        EDUTRACK_SITEOWNER_EMAIL=$BENCH_OWNER EDUTRACK_SITEOWNER_PASSWORD=$BENCH_PASSWORD \
        java "$@" -jar "$BENCH_JAR" > "$data_dir/server.log" 2>&1 &
    BENCH_PID=$!
    for _ in $(seq 1 120); do
        if curl -sf "$BENCH_URL/actuator/health" >/dev/null; then
            return 0
        fi
        sleep 1
    done
    echo "server did not start; see $data_dir/server.log" >&2
    return 1
}

# bench_pg_env: points psql and pgbench at the PostgreSQL of the running server.
bench_pg_env() {
    PGPORT=${BENCH_DB_PORT:-$(sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$BENCH_DATA/server.log" | head -1)}
    export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=postgres
}

# bench_fill SCALE: fills the running server's empty database with bench/fill.sql at SCALE, every
# bench user with the site owner's password. Needs bench_pg_env.
bench_fill() {
    local hash started=$SECONDS
    hash=$(psql -At -c "SELECT password_hash FROM users WHERE email = '$BENCH_OWNER'")
    psql -q -v scale="$1" -v hash="'$hash'" -f "$BENCH_ROOT/bench/fill.sql" >/dev/null
    echo "filled scale $1 in $((SECONDS - started)) s:" \
        "$(psql -At -c "SELECT (SELECT count(*) FROM courses) || ' courses, ' || (SELECT count(*) FROM enrollments)
            || ' enrollments, ' || (SELECT count(*) FROM ledger_entries) || ' ledger entries'")" >&2
}

# bench_write_pairs FILE K: "token course_id" for every student and a published course it has no
# enrollment in (the first free one of its sequence from K on), so every request does real work once.
# Needs bench_pg_env.
# The course count is a literal and the numbering analyzed, so each student costs a few index
# lookups: with a subquery, or without statistics, the planner scanned every course per student.
bench_write_pairs() {
    local file=$1 k=$2 courses
    courses=$(psql -At -c "SELECT count(*) FROM courses")
    psql -qAt -F ' ' > "$file.ids" <<SQL
CREATE TEMP TABLE numbered AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, is_published FROM courses;
CREATE INDEX ON numbered (n);
ANALYZE numbered;
SELECT s.user_id, pick.id FROM student_profiles s
JOIN LATERAL (
    SELECT c.id FROM generate_series($k, $k + 10) k
    JOIN numbered c ON c.n = (s.user_id * 7919 + k * 4729) % $courses
    WHERE c.is_published
      AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.student_id = s.user_id AND e.course_id = c.id)
    ORDER BY k LIMIT 1) pick ON true
ORDER BY s.user_id;
SQL
    sed -i '/^CREATE\|^ANALYZE\|^SELECT [0-9]*$/d' "$file.ids"
    cut -d' ' -f1 "$file.ids" | python3 "$BENCH_ROOT/bench/tokens.py" "$JWT_SIGNING_KEY" student > "$file.tokens"
    paste -d' ' "$file.tokens" <(cut -d' ' -f2 "$file.ids") > "$file"
    rm -f "$file.ids" "$file.tokens"
}

bench_stop() {
    if [ -n "${BENCH_PID:-}" ]; then
        kill "$BENCH_PID" 2>/dev/null || true
        wait "$BENCH_PID" 2>/dev/null || true
        BENCH_PID=
    fi
}

# bench_token EMAIL PASSWORD: prints the access token of a login.
bench_token() {
    curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
        -d "{\"email\": \"$1\", \"password\": \"$2\"}" "$BENCH_URL/api/accounts/login/" \
        | sed -n 's/^Set-Cookie: access_token=\([^;]*\);.*/\1/p' | tr -d '\r'
}

# bench_wrk_summary NAME CONNECTIONS < wrk-output: one line
# "NAME c=N rps=R p50_ms=X p99_ms=Y errors=E requests=N", and "behind=N" after a paced run (RATE).
bench_wrk_summary() {
    awk -v name="$1" -v c="$2" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
        /Requests\/sec/ { rps = $2 }
        / requests in / { requests = $1 }
        /Non-2xx or 3xx/ { errors += $NF }
        /Socket errors/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
        /^paced: / { behind = " " $2 }
        END { printf "%-28s c=%-3d rps=%-9.0f p50_ms=%-8.2f p99_ms=%-8.2f errors=%d requests=%d%s\n",
                     name, c, rps, p50, p99, errors + 0, requests + 0, behind }
    '
}

# bench_wrk NAME CONNECTIONS SECONDS URL [HEADER]: a GET load.
bench_wrk() {
    local name=$1 connections=$2 seconds=$3 url=$4 header=${5:-}
    local threads=$(( connections < 2 ? 1 : 2 ))
    if [ -n "$header" ]; then
        wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency -H "$header" "$url"
    else
        wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency "$url"
    fi | bench_wrk_summary "$name" "$connections"
}

# bench_wrk_script NAME CONNECTIONS SECONDS URL SCRIPT: a load whose requests a wrk Lua script makes.
bench_wrk_script() {
    wrk -t"$(( $2 < 2 ? 1 : 2 ))" -c"$2" -d"${3}s" --timeout 10s --latency -s "$5" "$4" | bench_wrk_summary "$1" "$2"
}
