-- Argo CD health of a paas.dev App. Healthy: the current Release serves with every dyno ready. Degraded: the latest
-- deploy failed, the spec was refused, or the git source it follows cannot be read as configured (a wrong URL, ref
-- or credentials, which no retry fixes; an unreachable host is retried and not reported). Progressing: anything not yet settled,
-- including a status written for an older generation. Runs on Lua 5.1 (Argo CD's gopher-lua) and 5.3 alike.
local hs = {}
local failures = {
  InvalidSpec = true, ApplyFailed = true, ReleasePhaseFailed = true, BuildFailed = true, BuildTimedOut = true,
  SourceNotPollable = true, SourceNotFound = true, SourceAuthRequired = true, SourceBadResponse = true, RefNotFound = true,
  AutoBuildForbidden = true,
}

local function condition(kind)
  for _, c in ipairs(obj.status.conditions or {}) do
    if c.type == kind then
      return c
    end
  end
  return nil
end

local function explain(c)
  local text = c.reason or c.type
  if c.message ~= nil and c.message ~= "" then
    text = text .. ": " .. c.message
  end
  return text
end

local generation = obj.metadata.generation
if obj.status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to report on this App"
  return hs
end
local observed = obj.status.observedGeneration
if generation ~= nil and (observed == nil or observed < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. generation .. " (status describes " .. tostring(observed or "none") .. ")"
  return hs
end

local ready = condition("Ready")
local released = condition("Released")
local building = condition("Building")
for _, kind in ipairs({ "Released", "Building", "SourceResolved", "Ready" }) do
  local c = condition(kind)
  if c ~= nil and c.status == "False" and failures[c.reason] then
    hs.status = "Degraded"
    hs.message = explain(c)
    return hs
  end
end
if building ~= nil and building.status == "True" then
  hs.status = "Progressing"
  hs.message = explain(building)
  return hs
end
if ready == nil or (ready.observedGeneration ~= nil and generation ~= nil and ready.observedGeneration < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the Ready condition of generation " .. tostring(generation)
  return hs
end
if ready.status == "True" then
  hs.status = "Healthy"
  hs.message = explain(ready)
  return hs
end
hs.status = "Progressing"
hs.message = explain(ready)
return hs
