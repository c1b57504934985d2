using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Paas.Samples.Tests.Support;

namespace Paas.Samples.Tests.Health;

/// <summary>
/// Runs health.lua scripts through tools/lua/run-health.js (fengari, a Lua VM in JavaScript, installed by
/// scripts/install-tools.sh from tools/lua/package-lock.json): the object as Argo CD's global <c>obj</c>, the result
/// as Argo CD reads it.
/// </summary>
internal static class LuaRunner
{
    private static string Tools => Path.Combine(Repository.Root, "tools", "lua");

    /// <summary>Runs every (script, object) pair in one node process; one result per pair, in order.</summary>
    public static async Task<IReadOnlyList<HealthResult>> RunAsync(IReadOnlyList<(string Script, JsonObject Object)> cases)
    {
        if (!Directory.Exists(Path.Combine(Tools, "node_modules", "fengari")))
        {
            throw new InvalidOperationException($"fengari is not installed in {Tools}; run scripts/install-tools.sh (make tools), which runs npm ci there");
        }

        var input = new JsonArray([.. cases.Select(c => new JsonObject { ["script"] = c.Script, ["object"] = c.Object.DeepClone() })]);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Tools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("run-health.js");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        await process.StandardInput.WriteAsync(input.ToJsonString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node run-health.js exited with {process.ExitCode}: {await stderr}");
        }

        return JsonSerializer.Deserialize<List<HealthResult>>(await stdout, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}

/// <summary>What a health.lua returned (<see cref="Status"/>, <see cref="Message"/>), or the Lua error it raised.</summary>
internal sealed record HealthResult(string? Status, string? Message, string? Error);
