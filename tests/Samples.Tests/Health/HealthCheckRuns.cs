namespace Paas.Samples.Tests.Health;

/// <summary>Runs every health_test.yaml row in one node process, once per test run, and hands out the results.</summary>
public sealed class HealthCheckRuns
{
    private readonly Lazy<Task<Dictionary<string, HealthResult>>> results = new(RunAllAsync);

    internal async Task<HealthResult> ResultOf(HealthCase row) => (await results.Value)[row.ToString()];

    private static async Task<Dictionary<string, HealthResult>> RunAllAsync()
    {
        var cases = HealthScripts.Cases();
        var results = await LuaRunner.RunAsync([.. cases.Select(row => (HealthScripts.ScriptOf(row.Kind), HealthScripts.ReadInput(row)))]);
        return cases.Zip(results).ToDictionary(pair => pair.First.ToString(), pair => pair.Second);
    }
}
