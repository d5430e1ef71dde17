-- wrk script: each request takes the next line of the file named by REQUESTS, "token course_id",
-- and POSTs {"course_id": N} to the URL's path with that Bearer token. Threads take every
-- Nth line from their own offset, so no line is sent twice. Without REQUESTS, every request is the
-- command line's own (its URL and -H headers).
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
        local line = lines[next_index]
        next_index = next_index + step
        if line == nil then
            line = lines[1]
        end
        local token, course = line:match("(%S+) (%S+)")
        return wrk.format("POST", nil, {
            ["Authorization"] = "Bearer " .. token,
            ["Content-Type"] = "application/json",
        }, '{"course_id": ' .. course .. '}')
    end
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
