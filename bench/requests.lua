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
        next_index = next_index + step
        if line == nil then
            number, line = 1, lines[1]
        end
        local token, course = line:match("(%S+) (%S+)")
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
