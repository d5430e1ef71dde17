-- wrk script: each request takes the next line of the file named by REQUESTS, "token course_id",
-- and POSTs {"course_id": N} to the URL's path with that Bearer token. Threads take every
-- Nth line from their own offset, so no line is sent twice. Without REQUESTS, every request is the
-- command line's own (its URL and -H headers).
-- With REQUEST_IDS set, each of those requests carries X-Request-ID "buy-N", N its line's number, so a
-- log line of the proxy or the server names the (student, course) pair it was for.
-- With BODY set (and no REQUESTS), every request POSTs that JSON body to the URL: a login, say.
-- With STATUSES set, the answers are counted by status and done() prints one line
-- "statuses: 200=N 503=M"; a request that got no answer (timeout, broken connection) is one of
-- wrk's socket errors instead.
-- With LECTURES set, each line is "teacher_token course_id" and the request POSTs a new lecture to
-- /api/courses/<course_id>/lectures/ instead.
-- With RATE set (requests/s of the whole run), the requests follow a steady schedule instead of
-- following each answer: each thread sends its share at fixed intervals (wrk's delay()), the threads
-- offset by a fraction of an interval, so the
-- offered load does not fall when the server slows down, as long as a connection is free. done()
-- prints "paced: behind=N", the requests sent later than one interval past their time because every
-- connection was still waiting; with behind=0 the latencies are those of the steady load. Without
-- REQUESTS, the requests are the command line's own (its URL and -H headers), paced the same way.
local lines = {}
local next_index, step = 1, 1
local threads = {}
statuses = {}   -- global: done() reads each thread's with thread:get

function setup(thread)
    thread:set("offset", __thread_count or 0)
    __thread_count = (__thread_count or 0) + 1
    threads[#threads + 1] = thread
end

if os.getenv("REQUESTS") then
    function init(args)
        for line in io.lines(os.getenv("REQUESTS")) do
            lines[#lines + 1] = line
        end
        next_index = tonumber(offset) + 1
        step = tonumber(os.getenv("THREADS") or "2")
    end

    function request()
        local number = next_index
        local line = lines[number]
        if line == nil and os.getenv("LECTURES") then
            -- Lectures may repeat: start the thread's share of the courses again.
            next_index = tonumber(offset) + 1
            number = next_index
            line = lines[number]
        end
        next_index = next_index + step
        if line == nil then
            number, line = 1, lines[1]
        end
        local token, course = line:match("(%S+) (%S+)")
        if os.getenv("LECTURES") then
            return wrk.format("POST", "/api/courses/" .. course .. "/lectures/", {
                ["Authorization"] = "Bearer " .. token,
                ["Content-Type"] = "application/json",
            }, '{"title": "Bench lecture", "video_url": "https://videos.bench.test/new", "position": 99}')
        end
        local headers = {
            ["Authorization"] = "Bearer " .. token,
            ["Content-Type"] = "application/json",
        }
        if os.getenv("REQUEST_IDS") then
            headers["X-Request-ID"] = "buy-" .. number
        end
        return wrk.format("POST", nil, headers, '{"course_id": ' .. course .. '}')
    end
end

if os.getenv("BODY") and not os.getenv("REQUESTS") then
    wrk.method = "POST"
    wrk.body = os.getenv("BODY")
    wrk.headers["Content-Type"] = "application/json"
end

if os.getenv("STATUSES") then
    function response(status, headers, body)
        statuses[status] = (statuses[status] or 0) + 1
    end

    function done(summary, latency, requests)
        local total, codes = {}, {}
        for _, thread in ipairs(threads) do
            for status, count in pairs(thread:get("statuses")) do
                if total[status] == nil then
                    codes[#codes + 1] = status
                end
                total[status] = (total[status] or 0) + count
            end
        end
        table.sort(codes)
        local parts = {}
        for _, status in ipairs(codes) do
            parts[#parts + 1] = status .. "=" .. total[status]
        end
        print("statuses: " .. table.concat(parts, " "))
    end
end

if os.getenv("RATE") then
    local ffi = require("ffi")
    ffi.cdef [[
        typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
        int clock_gettime(int clock, bench_timespec *time);
    ]]
    local clock = ffi.new("bench_timespec")
    local function now_ms()
        ffi.C.clock_gettime(1, clock)   -- CLOCK_MONOTONIC
        return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
    end
    local interval = 1000 * tonumber(os.getenv("THREADS") or "2") / tonumber(os.getenv("RATE"))
    local next_at = nil
    behind = 0   -- global: done() reads each thread's with thread:get

    function delay()
        local now = now_ms()
        if next_at == nil then
            next_at = now + interval * tonumber(offset or 0) / tonumber(os.getenv("THREADS") or "2")
        end
        local wait = next_at - now
        if wait < -interval then
            behind = behind + 1
        end
        next_at = next_at + interval
        return math.max(0, math.floor(wait))
    end

    function done(summary, latency, requests)
        local total = 0
        for _, thread in ipairs(threads) do
            total = total + (thread:get("behind") or 0)
        end
        print("paced: behind=" .. total)
    end
end
