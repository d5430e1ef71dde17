-- wrk script: each request takes the next line of the file named by REQUESTS, "token course_id",
-- and POSTs {"course_id": N} to the URL's path with that Bearer token. Threads take every
-- Nth line from their own offset, so no line is sent twice.
local lines = {}
local next_index, step = 1, 1

function setup(thread)
    thread:set("offset", __thread_count or 0)
    __thread_count = (__thread_count or 0) + 1
end

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
