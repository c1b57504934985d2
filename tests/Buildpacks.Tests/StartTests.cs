using Paas.Buildpacks.Tests.Support;

namespace Paas.Buildpacks.Tests;

/// <summary>bin/start's refusals, which a developer meets before a dyno ever runs.</summary>
public sealed class StartTests
{
    [Fact]
    public async Task Start_of_a_type_the_slug_lacks_lists_the_types_it_has()
    {
        using var scratch = new ScratchDirectory();
        var slug = scratch.Combine("slug");
        (await Runner.BuildAsync(Repository.SampleApp("procfile-only"), slug)).ExitCode.Should().Be(0);

        var result = await Script.RunAsync(Repository.Runner("start"), [slug, "scheduler"]);

        result.ExitCode.Should().Be(1);
        result.StandardError.Should().Contain("Process type 'scheduler' is not in this slug; it has: web worker clock.");
    }

    [Fact]
    public async Task Start_of_web_without_port_says_how_to_set_it()
    {
        using var scratch = new ScratchDirectory();
        var slug = scratch.Combine("slug");
        (await Runner.BuildAsync(Repository.SampleApp("procfile-only"), slug)).ExitCode.Should().Be(0);

        var result = await Script.RunAsync("env", ["-u", "PORT", Repository.Runner("start"), slug, "web"]);

        result.ExitCode.Should().Be(1);
        result.StandardError.Should().Contain("PORT is not set");
    }

    [Fact]
    public async Task Start_sources_profile_scripts_and_runs_in_the_slug_with_home_set()
    {
        using var scratch = new ScratchDirectory();
        scratch.Write("app/Procfile", "show: echo \"$GREETING from $(pwd) home=$HOME\"\n");
        scratch.Write("app/.profile.d/greeting.sh", "export GREETING=hello\n");
        var slug = scratch.Combine("slug");
        (await Runner.BuildAsync(scratch.Combine("app"), slug)).ExitCode.Should().Be(0);

        var result = await Script.RunAsync(Repository.Runner("start"), [slug, "show"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StandardOutput.Trim().Should().Be($"hello from {slug} home={slug}");
    }
}
