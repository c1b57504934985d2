-- Argo CD health of a paas.dev Formation. Healthy: every process type has its desired dynos ready, or the Formation
-- scales everything to zero. Degraded: the operator refused the spec. Progressing: dynos still starting or stopping,
-- or a status written for an older generation. Runs on Lua 5.1 (Argo CD's gopher-lua) and 5.3 alike.
local hs = {}
local generation = obj.metadata.generation
if obj.status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to report on this Formation"
  return hs
end
local status = obj.status
if generation ~= nil and (status.observedGeneration == nil or status.observedGeneration < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. generation .. " (status describes " .. tostring(status.observedGeneration or "none") .. ")"
  return hs
end

local ready = nil
for _, c in ipairs(status.conditions or {}) do
  if c.type == "Ready" then
    ready = c
  end
end
local function explain(c)
  local text = c.reason or c.type
  if c.message ~= nil and c.message ~= "" then
    text = text .. ": " .. c.message
  end
  return text
end

if ready ~= nil and ready.status == "False" and ready.reason == "InvalidSpec" then
  hs.status = "Degraded"
  hs.message = explain(ready)
  return hs
end

-- Zero dynos everywhere is a settled state (heroku ps:scale web=0), not one to wait on.
-- An omitted quantity means 1 for web and 0 for other types, and an unlisted web runs 1 dyno.
local running = 0
local processes = obj.spec.processes or {}
if processes.web == nil then
  running = 1
end
for name, process in pairs(processes) do
  local default = 0
  if name == "web" then
    default = 1
  end
  if process.autoscale ~= nil or (process.quantity or default) > 0 then
    running = running + 1
  end
end
if running == 0 then
  hs.status = "Healthy"
  hs.message = "Scaled to zero"
  if status.summary ~= nil then
    hs.message = hs.message .. ": " .. status.summary
  end
  return hs
end

if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = status.summary or explain(ready)
  return hs
end
hs.status = "Progressing"
if ready ~= nil then
  hs.message = explain(ready)
else
  hs.message = "Waiting for the Ready condition of generation " .. tostring(generation)
end
return hs
