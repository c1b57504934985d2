-- Argo CD health of a paas.dev Release, from status.phase: Succeeded is Healthy (whether it still serves or a newer one
-- replaced it), Failed is Degraded (the previous Release keeps serving), Pending and Releasing (the release phase Job
-- runs) are Progressing, as is a status written for an older generation. Runs on Lua 5.1 (gopher-lua) and 5.3 alike.
local hs = {}
local generation = obj.metadata.generation
local version = "v" .. tostring(obj.spec.version)
if obj.status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to release " .. version
  return hs
end
local status = obj.status
if generation ~= nil and (status.observedGeneration == nil or status.observedGeneration < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. generation .. " (status describes " .. tostring(status.observedGeneration or "none") .. ")"
  return hs
end

if status.phase == "Failed" then
  hs.status = "Degraded"
  hs.message = (status.reason or "Failed") .. ": " .. (status.message or (version .. " failed")) .. "; the previous Release keeps serving"
  return hs
end
if status.phase == "Succeeded" then
  hs.status = "Healthy"
  if status.current then
    hs.message = version .. " is current"
  else
    hs.message = version .. " succeeded; a newer Release is current"
  end
  return hs
end
hs.status = "Progressing"
if status.phase == "Releasing" then
  hs.message = "Release phase of " .. version .. " running in Job " .. (status.releasePhaseJob or "(not created yet)")
else
  hs.message = status.message or ("Waiting to release " .. version)
end
return hs
