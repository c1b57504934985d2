using Paas.Buildpacks.Tests.Support;

namespace Paas.Buildpacks.Tests;

/// <summary>The local build-and-run loop: build a sample into a slug, start its web process on PORT, get HTTP 200.</summary>
public sealed class EndToEndTests
{
    private static readonly TimeSpan BootDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Node_sample_builds_starts_and_answers_200_and_a_second_build_reuses_the_cache()
    {
        using var scratch = new ScratchDirectory();
        var environment = new Dictionary<string, string> { ["PAAS_CACHE_DIR"] = scratch.Combine("cache") };

        var first = await Runner.BuildAsync(Repository.SampleApp("node"), scratch.Combine("slug-1"), environment);
        var second = await Runner.BuildAsync(Repository.SampleApp("node"), scratch.Combine("slug-2"), environment);

        first.ExitCode.Should().Be(0, first.ToString());
        first.StandardOutput.Should().Contain("Installing node modules (package-lock.json)");
        second.ExitCode.Should().Be(0, second.ToString());
        second.StandardOutput.Should().Contain("Restoring node_modules from the cache (package-lock.json, package.json and node unchanged)");
        var built = Plan.Parse(await File.ReadAllTextAsync(scratch.Combine("slug-2/.paas/build.json")));
        built.Buildpacks.Should().Equal("nodejs");
        built.Entries.Should().Equal("web: npm start");
        await using var dyno = RunningDyno.Start(scratch.Combine("slug-2"), "web");
        var body = await dyno.WaitForHttpOkAsync(BootDeadline);
        body.Should().StartWith("Hello from Node.js v20.");
    }

    [Fact]
    public async Task Python_sample_builds_starts_and_answers_200()
    {
        using var scratch = new ScratchDirectory();

        var build = await Runner.BuildAsync(Repository.SampleApp("python"), scratch.Combine("slug"));

        build.ExitCode.Should().Be(0, build.ToString());
        await using var dyno = RunningDyno.Start(scratch.Combine("slug"), "web");
        var body = await dyno.WaitForHttpOkAsync(BootDeadline);
        body.Should().StartWith("Hello from Python 3.11");
    }

    [Fact]
    public async Task Static_sample_is_served_by_the_installed_file_server()
    {
        using var scratch = new ScratchDirectory();

        var build = await Runner.BuildAsync(Repository.SampleApp("static"), scratch.Combine("slug"));

        build.ExitCode.Should().Be(0, build.ToString());
        await using var dyno = RunningDyno.Start(scratch.Combine("slug"), "web");
        var body = await dyno.WaitForHttpOkAsync(BootDeadline);
        body.Should().Contain("Hello from a static site on paas.dev");
    }
}
