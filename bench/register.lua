-- wrk script: POST student registrations, each with its own email and its own X-Forwarded-For client
-- (the server trusts 127.0.0.1 as a proxy), so no per-address throttle stops the burst. Counts the
-- answers by status.
local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("id", counter)
    table.insert(threads, thread)
end

function init(args)
    n = 0
    statuses = {}
end

function request()
    n = n + 1
    local client = string.format("198.%d.%d.%d", 18 + id % 2, math.floor(n / 250) % 250, n % 250 + 1)
    local body = string.format('{"email": "burst-%d-%d@bench.test", "password": "Burst-pass-2026", '
        .. '"first_name": "Burst", "last_name": "Student", "phone": "+201000000000"}', id, n)
    return wrk.format("POST", "/api/accounts/student/register/",
        { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = client }, body)
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        local counts = thread:get("statuses")
        for status, count in pairs(counts) do
            total[status] = (total[status] or 0) + count
        end
    end
    local line = "registrations by status:"
    for status, count in pairs(total) do
        line = line .. " " .. status .. "=" .. count
    end
    print(line)
end
