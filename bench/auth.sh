#!/usr/bin/env bash
# Login time and the cost of authentication, on this machine, against a fresh embedded PostgreSQL.
#   bench/auth.sh [--quick]
# Prints the median of 20 logins, then requests/s of the same public list anonymously and with a
# Bearer token (the difference is authentication: JWT check plus one primary-key lookup), and of /me.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
seconds=10
[ "${1:-}" = "--quick" ] && seconds=3

bench_build
bench_require_wrk
data=$(mktemp -d /tmp/edutrack-bench-auth.XXXX)
trap 'bench_stop; rm -rf "$data"' EXIT
bench_start "$data"

times=()
for _ in $(seq 1 20); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -H 'Content-Type: application/json' \
        -d "{\"email\": \"$BENCH_OWNER\", \"password\": \"$BENCH_PASSWORD\"}" "$BENCH_URL/api/accounts/login/")")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", (a[10] + a[11]) / 2 * 1000 }')
echo "login: median of 20 = ${median} ms (Argon2id m=19MiB t=2 p=1)"

token=$(bench_token "$BENCH_OWNER" "$BENCH_PASSWORD")
bench_wrk "subjects anonymous" 16 "$seconds" "$BENCH_URL/api/accounts/subjects/" >/dev/null  # warm-up
bench_wrk "subjects anonymous" 16 "$seconds" "$BENCH_URL/api/accounts/subjects/"
bench_wrk "subjects with Bearer" 16 "$seconds" "$BENCH_URL/api/accounts/subjects/" "Authorization: Bearer $token"
bench_wrk "me with Bearer" 16 "$seconds" "$BENCH_URL/api/accounts/me/" "Authorization: Bearer $token"
echo "command: bench/auth.sh${1:+ $1}"
