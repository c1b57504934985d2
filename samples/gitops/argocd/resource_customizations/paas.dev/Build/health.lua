-- Argo CD health of a paas.dev Build, from status.phase: Succeeded is Healthy, Failed is Degraded (with the reason and
-- where to read the log), Pending and Running are Progressing, as is a status written for an older generation.
-- Runs on Lua 5.1 (Argo CD's gopher-lua) and 5.3 alike.
local hs = {}
local generation = obj.metadata.generation
if obj.status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to start the build"
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
  hs.message = (status.reason or "Failed") .. ": " .. (status.message or "the build failed")
  return hs
end
if status.phase == "Succeeded" then
  hs.status = "Healthy"
  hs.message = "Built " .. (status.image or "the image")
  if status.release ~= nil then
    hs.message = hs.message .. " and created v" .. status.release
  end
  return hs
end
hs.status = "Progressing"
if status.phase == "Running" then
  hs.message = status.message or ("Building in pod " .. (status.podName or "(not yet scheduled)"))
else
  hs.message = status.message or "Waiting for the build to start"
end
return hs
