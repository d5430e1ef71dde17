#!/usr/bin/env bash
# Login time and the cost of authentication, on this machine, against a fresh embedded PostgreSQL.
#   bench/auth.sh [--quick]
# Prints the median of 20 logins, the median of refused logins per kind of stored hash, then requests/s of the same public list anonymously and with a
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

# A wrong password costs the same whatever the account's stored hash (auth/PasswordHashes), so timing
# tells no one which users still have a Django hash, nor whether an email exists: 9 refused logins each
# (under the throttle's 10) against an Argon2id user, a Django pbkdf2_sha256 user (1,000,000 iterations,
# Django 5.2's default; the hash is DjangoPasswordsTest's vector) and an unknown email.
bench_pg_env
django_hash='pbkdf2_sha256$1000000$totCoNhiaRUctDU6hN04a5$s6NCVuvU9dO46kGXTJ3ub95393vuScZWAteqtygWQkU='
psql -q -c "INSERT INTO users (email, password_hash, role) VALUES
    ('argon2id@bench.test', (SELECT password_hash FROM users WHERE email = '$BENCH_OWNER'), 'student'),
    ('django@bench.test', '$django_hash', 'student')"
# One refused login's seconds.
refused() {
    curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' \
        -d "{\"email\": \"$1\", \"password\": \"Not-the-password-1\"}" "$BENCH_URL/api/accounts/login/"
}
# Interleaved, so a change of the machine's load falls on all three alike.
for _ in $(seq 1 9); do
    refused argon2id@bench.test >> "$data/refused-argon2id"
    refused django@bench.test >> "$data/refused-django"
    refused nobody@bench.test >> "$data/refused-unknown"
done
median_ms() { sort -n "$1" | awk '{ a[NR] = $1 } END { printf "%.1f", a[5] * 1000 }'; }
echo "wrong password: median of 9 = $(median_ms "$data/refused-argon2id") ms (Argon2id user)," \
    "$(median_ms "$data/refused-django") ms (Django pbkdf2_sha256 user), $(median_ms "$data/refused-unknown") ms (unknown email)"
django_login=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' \
    -d '{"email": "django@bench.test", "password": "Correct-horse-42"}' "$BENCH_URL/api/accounts/login/")
echo "Django user's first login: ${django_login% *} in $(awk -v s="${django_login#* }" 'BEGIN { printf "%.1f", s * 1000 }') ms;" \
    "stored hash now $(psql -At -c "SELECT split_part(password_hash, '\$', 2) FROM users WHERE email = 'django@bench.test'")"

token=$(bench_token "$BENCH_OWNER" "$BENCH_PASSWORD")
bench_wrk "subjects anonymous" 16 "$seconds" "$BENCH_URL/api/accounts/subjects/" >/dev/null  # warm-up
bench_wrk "subjects anonymous" 16 "$seconds" "$BENCH_URL/api/accounts/subjects/"
bench_wrk "subjects with Bearer" 16 "$seconds" "$BENCH_URL/api/accounts/subjects/" "Authorization: Bearer $token"
bench_wrk "me with Bearer" 16 "$seconds" "$BENCH_URL/api/accounts/me/" "Authorization: Bearer $token"
echo "command: bench/auth.sh${1:+ $1}"
