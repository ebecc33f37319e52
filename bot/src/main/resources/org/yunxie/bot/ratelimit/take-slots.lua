-- A sliding-window log: one sorted-set entry per event, scored by its time in milliseconds.
-- KEYS[1] the log; ARGV: now, window (ms), limit, slots, a unique id for this call.
-- Returns -1 when all slots were taken, else the time (ms) at which enough of them will have freed up.
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local limit, slots = tonumber(ARGV[3]), tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local used = redis.call('ZCARD', KEYS[1])
if used + slots <= limit then
  for i = 1, slots do
    redis.call('ZADD', KEYS[1], now, ARGV[5] .. ':' .. i)
  end
  redis.call('PEXPIRE', KEYS[1], window + 5000)
  return -1
end
if slots > limit then
  return now + window
end
local freeing = redis.call('ZRANGE', KEYS[1], used + slots - limit - 1, used + slots - limit - 1, 'WITHSCORES')
return tonumber(freeing[2]) + window + 1
