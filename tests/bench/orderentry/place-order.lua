-- POST /api/v1/orders: a resting buy with a client order id never used before (QX_RUN names
-- the run: Lua's random numbers repeat from one wrk to the next).
local counter = 0
local prefix = os.getenv("QX_RUN")
request = function()
  counter = counter + 1
  local body = string.format('{"client_order_id":"ab-%s-%d","symbol":"%s","side":"buy","type":"limit","quantity":"1","price":"10.00"}', prefix, counter, os.getenv("QX_SYMBOL"))
  return wrk.format("POST", "/api/v1/orders", {["Content-Type"]="application/json", ["Authorization"]="Bearer " .. os.getenv("QX_TOKEN")}, body)
end
