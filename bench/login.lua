-- wrk script: POST a login with the credentials in EMAIL and PASSWORD. With STUDENTS=N, each request
-- logs in the next of the bench students student1..studentN@bench.test instead (same password):
-- the login throttle counts every attempt of one email before hashing it, so parallel logins of a
-- single account are throttled by design.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email": "' .. os.getenv("EMAIL") .. '", "password": "' .. os.getenv("PASSWORD") .. '"}'

local students = tonumber(os.getenv("STUDENTS") or "0")
if students > 0 then
    local n = 0
    function setup(thread)
        __thread_count = (__thread_count or 0) + 1
        thread:set("first", __thread_count * 7919)
    end
    function request()
        n = n + 1
        local email = "student" .. ((tonumber(first or 0) + n) % students + 1) .. "@bench.test"
        return wrk.format(nil, nil, nil, '{"email": "' .. email .. '", "password": "' .. os.getenv("PASSWORD") .. '"}')
    end
end
