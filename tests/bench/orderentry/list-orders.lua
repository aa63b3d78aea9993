-- Lists the signed-in trader's orders, a full page of 1,000 at a time.
request = function()
  return wrk.format("GET", "/api/v1/orders?limit=1000", {["Authorization"]="Bearer " .. os.getenv("QX_TOKEN")})
end
