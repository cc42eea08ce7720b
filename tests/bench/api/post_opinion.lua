-- wrk script: POST one valid opinion per request, each with its own Idempotency-Key, so that
-- every request stores a new row (no replays).
local counter = 0
local threads = {}

-- thread_id is a global of each thread's own Lua state, set here before the thread starts.
function setup(thread)
    thread:set("thread_id", #threads + 1)
    table.insert(threads, thread)
end

local body = '{"answers":{"satisfaction":4,"frequency":"weekly","wishes":["shade","lighting"],'
    .. '"comment":"木陰のベンチがもっとほしいです。夏は子どもを遊ばせにくいので。"},'
    .. '"age_band":"30s","district":"oi"}'

function request()
    counter = counter + 1
    local key = string.format("bench-%d-%d-%d", thread_id, os.time(), counter)
    return wrk.format("POST", nil, {["Content-Type"] = "application/json",
        ["Idempotency-Key"] = key}, body)
end
