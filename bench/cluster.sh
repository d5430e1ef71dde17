#!/usr/bin/env bash
# Two server instances behind HAProxy on one PostgreSQL, as deploy/compose.yaml runs them, losing an
# instance under load. Everything runs on this machine on 127.0.0.1: PostgreSQL (Debian's postgresql,
# a cluster in a temporary folder), the server jar twice, started with exactly deploy/server.env and
# the secrets.env an operator writes from deploy/secrets.env.example (only the host-specific values
# are overridden: ports, the database's address, the proxy's address), and Debian's haproxy with
# deploy/haproxy.cfg itself (its addresses come from the environment). Packages are installed when absent.
#   bench/cluster.sh [--scale F]      (as root; default F = 0.3, 30,000 students)
# wrk sends, through the proxy, buys from distinct students (each with X-Request-ID buy-N), course-list
# reads and logins. Meanwhile instance a is killed with SIGKILL and started again, then instance b is
# stopped with SIGTERM (a graceful shutdown) and started again. Then it checks:
#   - HAProxy marked each stopped instance DOWN within fall x inter + check timeout of haproxy.cfg
#     (2 x 1 s + 1 s), and routed nothing to it until it was UP again;
#   - the only failed requests are those in flight on the killed instance when it died (counted from
#     HAProxy's log: sent to a before the kill, cut short by it); no instance answered a 5xx; no wrk timeout;
#   - ledger-invariants.sql returns no row; every buy answered 201 (by its X-Request-ID) has exactly one
#     purchase, one debit and one approved enrollment; no (student, course) was bought twice;
#   - a refresh token blacklisted through one instance is refused by the other, and the login throttle
#     counts failures made on both.
# It exits non-zero when a check fails (keeping its logs; KEEP_WORK=1 keeps them anyway). The last line is for tools:
#   cluster: kills=2 failed_in_flight=N answers_5xx_live=N broken_invariants=N lost_purchases=N max_reroute_ms=N
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
DEPLOY=$BENCH_ROOT/deploy

scale=0.3          # 30,000 students: more buy pairs than the load uses up, restarts included
before_kill=8      # seconds of load before the SIGKILL
between=4          # seconds of load between instance a's return and the SIGTERM of b
after=5            # seconds of load after instance b's return
reroute_budget_ms=3000   # haproxy.cfg: fall 2 x inter 1s, plus timeout check 1s
[ "${1:-}" = "--scale" ] && scale=$2

bench_build
bench_require_wrk
pg_ctl_bin=$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$pg_ctl_bin" ] || ! command -v haproxy >/dev/null; then
    echo "installing postgresql and haproxy" >&2
    apt-get update -qq >/dev/null && apt-get install -y -qq postgresql haproxy >/dev/null
    pg_ctl_bin=$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)
fi
pg_bin=$(dirname "$pg_ctl_bin")

now_ms() { date +%s%3N; }

work=$(mktemp -d /tmp/edutrack-cluster.XXXX)
chmod 755 "$work"   # the postgres user reaches its data folder through it
pgdata=$work/pg/data
declare -A pid=()
cleanup() {
    local status=$?
    for p in ${buys_pid:-} ${reads_pid:-} ${logins_pid:-} ${proxy_pid:-} "${pid[@]}"; do
        kill "$p" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    if [ -f "$pgdata/postmaster.pid" ]; then
        runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
    fi
    if [ "$status" != 0 ] || [ -n "${KEEP_WORK:-}" ]; then
        echo "logs kept in $work" >&2
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

# The secrets an operator would write into deploy/secrets.env: the bench's signing key (bench/tokens.py
# signs with it) and a fresh database password.
db_password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
sed -e "s|^JWT_SIGNING_KEY=.*|JWT_SIGNING_KEY=$JWT_SIGNING_KEY|" \
    -e "s|^SPRING_DATASOURCE_PASSWORD=.*|SPRING_DATASOURCE_PASSWORD=$db_password|" \
    "$DEPLOY/secrets.env.example" > "$work/secrets.env"
# Like docker compose's env_file: KEY=VALUE lines, comments and blank lines skipped, values literal.
env_lines() { grep -h -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$@"; }
db_name=$(env_lines "$DEPLOY/server.env" | sed -n 's|^SPRING_DATASOURCE_URL=.*/\([^/?]*\).*|\1|p')
db_user=$(env_lines "$DEPLOY/server.env" | sed -n 's/^SPRING_DATASOURCE_USERNAME=//p')

# PostgreSQL on a free loopback port; the server's user logs in with its password (scram).
bench_pg_init "$pg_bin" "$work"
cat > "$pgdata/pg_hba.conf" <<HBA
local all all trust
host $db_name $db_user 127.0.0.1/32 scram-sha-256
host all postgres 127.0.0.1/32 trust
HBA
(cd "$work" && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pgdata" -l "$work/pg/postgres.log" -w start >/dev/null)
bench_pg_env
export PGDATABASE=$db_name
psql -q -d postgres -c "CREATE ROLE $db_user LOGIN PASSWORD '$db_password'" -c "CREATE DATABASE $db_name OWNER $db_user"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$BENCH_DB_PORT, database $db_name"

proxy_port=$(bench_free_port)
declare -A port=([a]=$(bench_free_port) [b]=$(bench_free_port)) mgmt=([a]=$(bench_free_port) [b]=$(bench_free_port))
# The image's JVM options, with the container's memory limit of compose.yaml (1 GiB) made explicit.
java_options=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\)"/\1/p' "$DEPLOY/Dockerfile")
memory_limit=$(sed -n 's/^ *memory: *\([0-9]*\)g$/\1/p' "$DEPLOY/compose.yaml")

# start_instance NAME [EXTRA=VALUE...]: the jar with server.env and secrets.env, and the host-specific values.
start_instance() {
    local name=$1; shift
    local vars=()
    mapfile -t vars < <(env_lines "$DEPLOY/server.env" "$work/secrets.env")
    vars+=("PORT=${port[$name]}" "MANAGEMENT_SERVER_PORT=${mgmt[$name]}"
           "SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$BENCH_DB_PORT/$db_name"
           "EDUTRACK_TRUSTED_PROXIES=127.0.0.1" "JAVA_TOOL_OPTIONS=$java_options -XX:MaxRAM=${memory_limit}g" "$@")
    env -i PATH="$PATH" HOME="$work" "${vars[@]}" java -jar "$BENCH_JAR" >> "$work/$name.log" 2>&1 &
    pid[$name]=$!
}
# wait_ready NAME: until the instance's readiness answers 200 on its management port.
wait_ready() {
    for _ in $(seq 1 240); do
        curl -sf "http://127.0.0.1:${mgmt[$1]}/actuator/health/readiness" >/dev/null && return 0
        kill -0 "${pid[$1]}" 2>/dev/null || break
        sleep 0.5
    done
    echo "instance $1 did not become ready; see $work/$1.log" >&2
    tail -5 "$work/$1.log" >&2
    return 1
}

failures=()
fail() { failures+=("$1"); echo "FAIL: $1"; }

# Instance a first: it creates the schema and the bench's site owner (for the fill's password hash).
start_instance a EDUTRACK_SITEOWNER_EMAIL=$BENCH_OWNER EDUTRACK_SITEOWNER_PASSWORD=$BENCH_PASSWORD
wait_ready a
start_instance b
wait_ready b
echo "instances: a on 127.0.0.1:${port[a]} (management ${mgmt[a]}), b on 127.0.0.1:${port[b]} (management ${mgmt[b]})"
curl -s "http://127.0.0.1:${port[a]}/actuator/prometheus" -o /dev/null -w "public port /actuator/prometheus: %{http_code}\n"

bench_fill "$scale"
bench_write_pairs "$work/pairs" 30
python3 "$BENCH_DIR/cluster.py" pairs "$work/pairs" > "$work/pairs.ids"
read -r token _ < "$work/pairs"
# Students for the cross-instance checks at the end, kept out of the load.
mapfile -t spare < <(psql -At -c "SELECT email FROM users WHERE role = 'student' ORDER BY id DESC LIMIT 2")

EDUTRACK_PROXY_BIND="127.0.0.1:$proxy_port" EDUTRACK_PROXY_STATS="$work/haproxy.sock" \
    EDUTRACK_SERVER_A="127.0.0.1:${port[a]}" EDUTRACK_CHECK_PORT_A="${mgmt[a]}" \
    EDUTRACK_SERVER_B="127.0.0.1:${port[b]}" EDUTRACK_CHECK_PORT_B="${mgmt[b]}" \
    haproxy -db -f "$DEPLOY/haproxy.cfg" > "$work/haproxy.log" 2>&1 &
proxy_pid=$!
proxy="http://127.0.0.1:$proxy_port"
state() { python3 "$BENCH_DIR/cluster.py" wait "$work/haproxy.sock" "$1" "$2" "$3" "$4"; }
for name in a b; do
    [ "$(state "$name" UP 30 "$(now_ms)")" != -1 ] || { echo "HAProxy never saw instance $name UP" >&2; exit 1; }
done
echo "HAProxy $(haproxy -v | awk 'NR == 1 { print $3 }') on 127.0.0.1:$proxy_port, both instances UP"

: > "$work/events"
event() { echo "$1 $2" >> "$work/events"; }
reroute_ms=()

purchases_before=$(psql -At -c "SELECT count(*) FROM purchases")
echo "== load through the proxy: buys (8 connections, distinct students), course-list reads (4), logins (1)"
load_started=$(now_ms)
REQUESTS="$work/pairs" REQUEST_IDS=1 STATUSES=1 THREADS=2 wrk -t2 -c8 -d600s --timeout 10s \
    -s "$BENCH_DIR/requests.lua" "$proxy/api/courses/purchases/buy/" > "$work/wrk-buys" 2>&1 &
buys_pid=$!
STATUSES=1 wrk -t1 -c4 -d600s --timeout 10s -s "$BENCH_DIR/requests.lua" \
    -H "Authorization: Bearer $token" "$proxy/api/courses/?page_size=50" > "$work/wrk-reads" 2>&1 &
reads_pid=$!
BODY="{\"email\": \"$BENCH_OWNER\", \"password\": \"$BENCH_PASSWORD\"}" STATUSES=1 wrk -t1 -c1 -d600s --timeout 10s \
    -s "$BENCH_DIR/requests.lua" "$proxy/api/accounts/login/" > "$work/wrk-logins" 2>&1 &
logins_pid=$!
sleep "$before_kill"

# stop_and_return NAME SIGNAL: stops the instance, measures HAProxy marking it DOWN, starts it again.
stop_and_return() {
    local name=$1 signal=$2 at down up
    echo "== instance $name: SIG$signal at $(( ($(now_ms) - load_started) / 1000 )) s of load"
    at=$(now_ms)
    kill -"$signal" "${pid[$name]}"
    event "$( [ "$signal" = KILL ] && echo kill || echo term )_$name" "$at"
    down=$(state "$name" DOWN 30 "$at")
    event "down_$name" $((at + down))
    echo "  HAProxy marked it DOWN after $down ms (budget $reroute_budget_ms ms)"
    reroute_ms+=("$down")
    [ "$down" -ge 0 ] && [ "$down" -le "$reroute_budget_ms" ] \
        || fail "instance $name was marked DOWN after $down ms, over $reroute_budget_ms ms"
    wait "${pid[$name]}" 2>/dev/null || true
    echo "  process ended $(( $(now_ms) - at )) ms after the signal"
    start_instance "$name"
    # Watching from now on, so the moment HAProxy marks it UP is seen as it happens.
    state "$name" UP 600 "$at" > "$work/up-$name" &
    wait_ready "$name"
    wait $!
    up=$(cat "$work/up-$name")
    event "up_$name" $((at + up))
    echo "  started again; HAProxy marked it UP $(( (up - down) / 1000 )) s after it went DOWN"
}
stop_and_return a KILL
sleep "$between"
stop_and_return b TERM
sleep "$after"
event end "$(now_ms)"
kill -INT "$buys_pid" "$reads_pid" "$logins_pid" 2>/dev/null || true
wait "$buys_pid" "$reads_pid" "$logins_pid" || true
buys_pid= reads_pid= logins_pid=
sleep 1   # HAProxy writes the last log lines

echo "== wrk (what the clients saw)"
bench_wrk_summary "buy (distinct students)" 8 < "$work/wrk-buys"
bench_wrk_summary "courses list" 4 < "$work/wrk-reads"
bench_wrk_summary "login" 1 < "$work/wrk-logins"
timeouts=0
for load in buys reads logins; do
    socket_errors=$(sed -n 's/^ *Socket errors: //p' "$work/wrk-$load")
    echo "$load: $(sed -n 's/^ *\([0-9]* requests in [^,]*\).*/\1/p' "$work/wrk-$load");" \
        "$(sed -n 's/^statuses: //p' "$work/wrk-$load"); socket errors: ${socket_errors:-none}"
    timeouts=$((timeouts + $(sed -n 's/.*timeout \([0-9]*\).*/\1/p' "$work/wrk-$load" | awk '{ n += $1 } END { print n + 0 }')))
done
[ "$timeouts" = 0 ] || fail "$timeouts requests got no answer within wrk's 10 s"
wrk_5xx=$(sed -n 's/^statuses: //p' "$work"/wrk-* | tr ' ' '\n' | awk -F= '$1 >= 500 { n += $2 } END { print n + 0 }')

echo "== HAProxy's log"
declare -A seen=()
while IFS='=' read -r key value; do seen[$key]=$value; done < <(python3 "$BENCH_DIR/cluster.py" analyse "$work/haproxy.log" "$work/events" 2> "$work/analyse.err")
sed 's/^/  /' "$work/analyse.err" | head -20
failed_in_flight=$(( seen[failed_in_flight] + seen[dropped_at_kill] ))
echo "requests logged: ${seen[requests]}; failed in flight on the killed instance: ${seen[failed_in_flight]} answered 5xx by" \
    "HAProxy, ${seen[dropped_at_kill]} on client connections closed at the kill without an answer (logged nowhere);" \
    "other failures: ${seen[other_failures]} logged, ${seen[dropped_elsewhen]} connections closed at another time;" \
    "5xx answered by an instance: ${seen[answers_5xx_live]}; routed to a DOWN instance: ${seen[routed_to_down]};" \
    "cut off by wrk stopping: ${seen[client_aborts_at_end]}"
wrk_errors=$(sed -n 's/^ *Socket errors: //p' "$work"/wrk-* | tr -dc '0-9 ,\n' | tr ',' '\n' | awk '{ n += $1 } END { print n + 0 }')
echo "the clients (wrk) saw $wrk_5xx 5xx and $wrk_errors socket errors; the proxy's log accounts for" \
    "$((failed_in_flight + seen[other_failures] + seen[dropped_elsewhen])) failed requests"
[ "${seen[dropped_elsewhen]}" = 0 ] || fail "${seen[dropped_elsewhen]} client connections were closed away from the kill"
[ "${seen[other_failures]}" = 0 ] || fail "${seen[other_failures]} requests failed that were not in flight on the killed instance"
[ "${seen[answers_5xx_live]}" = 0 ] || fail "instances answered ${seen[answers_5xx_live]} 5xx"
[ "${seen[routed_to_down]}" = 0 ] || fail "${seen[routed_to_down]} requests were routed to an instance marked DOWN"

echo "== the database afterwards"
broken=$(psql -qAt -f "$BENCH_ROOT/server/src/test/resources/sql/ledger-invariants.sql" | grep -c . || true)
# Each buy answered 201, by its request id's (student, course): exactly one purchase, debit and approved enrollment.
psql -q -c "CREATE TABLE bench_pairs (n int PRIMARY KEY, student_id bigint, course_id bigint)" \
    -c "CREATE TABLE bench_created (n int)"
psql -q -c "\\copy bench_pairs FROM '$work/pairs.ids' WITH (DELIMITER ' ')"
psql -q -c "\\copy bench_created FROM '$work/haproxy.log.created'"
read -r created lost duplicates < <(psql -At -F ' ' -c "
    SELECT (SELECT count(*) FROM bench_created),
           (SELECT count(*) FROM bench_created c JOIN bench_pairs p USING (n) WHERE
                (SELECT count(*) FROM purchases u WHERE u.student_id = p.student_id AND u.course_id = p.course_id) <> 1
             OR (SELECT count(*) FROM ledger_entries e WHERE e.student_id = p.student_id AND e.kind = 'purchase'
                    AND e.reference = 'course:' || p.course_id) <> 1
             OR (SELECT count(*) FROM enrollments e WHERE e.student_id = p.student_id AND e.course_id = p.course_id
                    AND e.status = 'approved' AND e.source = 'purchase') <> 1),
           (SELECT count(*) FROM (SELECT 1 FROM purchases GROUP BY student_id, course_id HAVING count(*) > 1) d)")
purchases=$(( $(psql -At -c "SELECT count(*) FROM purchases") - purchases_before ))
echo "broken invariants (ledger-invariants.sql rows): $broken"
echo "buys answered 201: $created; of them without exactly one purchase, debit and approved enrollment: $lost;" \
    "purchases made during the load: $purchases ($((purchases - created)) committed without their 201 reaching the client: in flight on the killed instance, or cut off when wrk stopped);" \
    "(student, course) bought twice: $duplicates"
[ "$broken" = 0 ] || fail "$broken rows of ledger-invariants.sql"
[ "$lost" = 0 ] || fail "$lost buys answered 201 lack their purchase, debit or enrollment"
[ "$duplicates" = 0 ] || fail "$duplicates (student, course) pairs bought twice"
[ "$created" -gt 0 ] || fail "no buy answered 201"
[ "$purchases" -ge "$created" ] || fail "fewer purchases ($purchases) than 201s ($created)"

echo "== across instances"
login_at() {   # login_at NAME EMAIL PASSWORD: the status, then the refresh token if any
    curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
        -d "{\"email\": \"$2\", \"password\": \"$3\"}" "http://127.0.0.1:${port[$1]}/api/accounts/login/" \
        | tr -d '\r' | awk '/^HTTP/ { status = $2 } /^[Ss]et-[Cc]ookie: refresh_token=/ { sub(/^[^=]*=/, ""); sub(/;.*/, ""); token = $0 }
                            END { print status, token }'
}
refresh_at() {
    curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
        -d "{\"refresh\": \"$2\"}" "http://127.0.0.1:${port[$1]}/api/accounts/token/refresh/"
}
read -r status first < <(login_at a "$BENCH_OWNER" "$BENCH_PASSWORD")
rotated=$(refresh_at a "$first")
replayed=$(refresh_at b "$first")
echo "refresh token: login on a $status, refreshed on a $rotated, the blacklisted one presented to b: $replayed"
[ "$status" = 200 ] && [ "$rotated" = 200 ] && [ "$replayed" = 401 ] \
    || fail "a refresh token blacklisted through a was not refused by b ($status/$rotated/$replayed)"
codes=()
for i in 1 2 3 4 5; do
    for name in a b; do codes+=("$(login_at "$name" "${spare[0]}" Wrong-password-1 | cut -d' ' -f1)"); done
done
throttled_a=$(login_at a "${spare[0]}" "$BENCH_PASSWORD" | cut -d' ' -f1)
throttled_b=$(login_at b "${spare[0]}" "$BENCH_PASSWORD" | cut -d' ' -f1)
echo "login throttle: 5 failures on each instance answered ${codes[*]}; then the right password: a $throttled_a, b $throttled_b"
[ "$(printf '%s\n' "${codes[@]}" | sort -u)" = 401 ] && [ "$throttled_a" = 429 ] && [ "$throttled_b" = 429 ] \
    || fail "the login throttle did not count failures from both instances"
control=$(login_at b "${spare[1]}" "$BENCH_PASSWORD" | cut -d' ' -f1)
[ "$control" = 200 ] || fail "another student's login answered $control"

echo "== metrics (instance a, management port ${mgmt[a]})"
curl -s "http://127.0.0.1:${mgmt[a]}/actuator/prometheus" > "$work/prometheus-a.txt"
grep -E '^(edutrack_|hikaricp_connections_(active|max|pending)|http_server_requests_seconds_count\{.*uri="/api/courses/purchases/buy/")' \
    "$work/prometheus-a.txt" | sed 's/^/  /'

max_reroute=$(printf '%s\n' "${reroute_ms[@]}" | sort -n | tail -1)
echo "command: bench/cluster.sh --scale $scale"
echo "cluster: kills=2 failed_in_flight=$failed_in_flight answers_5xx_live=${seen[answers_5xx_live]}" \
    "broken_invariants=$broken lost_purchases=$lost max_reroute_ms=$max_reroute"
if [ ${#failures[@]} -gt 0 ]; then
    echo "${#failures[@]} failures" >&2
    exit 1
fi
