using System.Text.Json.Nodes;

namespace Paas.Samples.Tests.Health;

/// <summary>
/// The Argo CD health checks report Progressing, Healthy and Degraded truthfully: each row of a kind's
/// health_test.yaml (Argo CD's own test format) is run through the real health.lua under a Lua VM.
/// </summary>
public sealed class HealthCheckTests(HealthCheckRuns runs) : IClassFixture<HealthCheckRuns>
{
    [Theory]
    [MemberData(nameof(HealthScripts.All), MemberType = typeof(HealthScripts))]
    public async Task Each_health_script_gives_the_status_and_message_its_test_table_expects(string kind, string inputPath)
    {
        var row = HealthScripts.Cases().Single(c => c.Kind == kind && c.InputPath == inputPath);

        var result = await runs.ResultOf(row);

        result.Error.Should().BeNull();
        result.Should().BeEquivalentTo(new HealthResult(row.ExpectedStatus, row.ExpectedMessage, null), $"{row} should be {row.ExpectedStatus}");
    }

    [Fact]
    public void The_test_tables_cover_the_states_a_gitops_tool_must_tell_apart()
    {
        var cases = HealthScripts.Cases();

        foreach (var kind in HealthScripts.Kinds)
        {
            cases.Should().Contain(c => c.Kind == kind && c.InputPath == "testdata/no-status.yaml" && c.ExpectedStatus == "Progressing", $"{kind} without status is still progressing");
            cases.Should().Contain(c => c.Kind == kind && c.InputPath == "testdata/stale-generation.yaml" && c.ExpectedStatus == "Progressing", $"{kind} with a stale observedGeneration is progressing");
            cases.Where(c => c.Kind == kind).Select(c => c.ExpectedStatus).Should().Contain(["Healthy", "Progressing"]);
        }

        cases.Should().Contain(c => c.Kind == "App" && c.ExpectedStatus == "Degraded", "an App whose Ready or Released is False with a failure reason is degraded");
        cases.Should().Contain(c => c.Kind == "Build" && c.InputPath == "testdata/failed.yaml" && c.ExpectedStatus == "Degraded");
        cases.Should().Contain(c => c.Kind == "Release" && c.InputPath == "testdata/failed.yaml" && c.ExpectedStatus == "Degraded");
        cases.Should().Contain(c => c.Kind == "Release" && c.InputPath == "testdata/releasing.yaml" && c.ExpectedStatus == "Progressing");
        cases.Should().Contain(c => c.Kind == "Formation" && c.InputPath == "testdata/scaled-to-zero.yaml" && c.ExpectedStatus == "Healthy");
    }

    [Fact]
    public async Task A_script_that_raises_an_error_is_reported_as_an_error_not_as_a_health()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(broken, "return obj.status.phase .. nil\n");
        try
        {
            var results = await LuaRunner.RunAsync([(broken, new JsonObject { ["status"] = new JsonObject { ["phase"] = "Running" } })]);

            results.Single().Error.Should().Contain("concatenate");
            results.Single().Status.Should().BeNull();
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task The_scripts_read_the_object_fields_Argo_CD_passes_not_constants()
    {
        // The same Build, once Failed and once Succeeded: the script must follow status.phase.
        var failed = HealthScripts.ReadInput(new HealthCase("Build", "testdata/failed.yaml", "", ""));
        var succeeded = failed.DeepClone().AsObject();
        succeeded["status"]!["phase"] = "Succeeded";
        succeeded["status"]!["image"] = "registry.example.com/x@sha256:1";

        var results = await LuaRunner.RunAsync([(HealthScripts.ScriptOf("Build"), failed), (HealthScripts.ScriptOf("Build"), succeeded)]);

        results.Select(r => r.Status).Should().Equal("Degraded", "Healthy");
        results[1].Message.Should().Be("Built registry.example.com/x@sha256:1");
    }
}
