using Paas.Buildpacks.Tests.Support;

namespace Paas.Buildpacks.Tests;

/// <summary>Failed builds stop with a non-zero exit and the buildpack's own words, so the Build status can quote them.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task App_no_buildpack_detects_fails_with_each_buildpacks_reason()
    {
        using var app = new ScratchDirectory();
        app.Write("README.md", "not an app\n");

        var result = await Runner.PlanAsync(app.Path);

        result.ExitCode.Should().Be(1);
        result.StandardOutput.Should().BeEmpty();
        result.StandardError.Should().Contain("No default language could be detected for this app.")
            .And.Contain("ruby: no Gemfile in the app root")
            .And.Contain("nodejs: no package.json in the app root")
            .And.Contain("python: no requirements.txt, pyproject.toml or setup.py in the app root")
            .And.Contain("java: no pom.xml, build.gradle, build.gradle.kts or gradlew in the app root")
            .And.Contain("php: no composer.json or index.php in the app root")
            .And.Contain("go: no go.mod in the app root")
            .And.Contain("static: no index.html or static.json in the app root")
            .And.Contain("procfile: no Procfile in the app root");
    }

    [Fact]
    public async Task Build_of_an_app_no_buildpack_detects_fails_before_compiling()
    {
        using var scratch = new ScratchDirectory();
        scratch.Write("app/notes.txt", "nothing to run\n");

        var result = await Runner.BuildAsync(scratch.Combine("app"), scratch.Combine("slug"));

        result.ExitCode.Should().Be(1);
        result.StandardError.Should().Contain("No default language could be detected for this app.");
        File.Exists(scratch.Combine("slug/.paas/build.json")).Should().BeFalse();
    }

    [Fact]
    public async Task Failing_build_script_surfaces_its_own_message_and_fails_the_build()
    {
        using var scratch = new ScratchDirectory();
        scratch.Write("app/package.json", """{"name":"broken","version":"1.0.0","scripts":{"build":"echo the build broke: API_URL is missing >&2; exit 3","start":"node server.js"}}""");

        var result = await Runner.BuildAsync(scratch.Combine("app"), scratch.Combine("slug"));

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("the build broke: API_URL is missing")
            .And.Contain("npm run build failed (exit 3)")
            .And.Contain("Failed to compile Node.js app (buildpack nodejs)");
        File.Exists(scratch.Combine("slug/.paas/build.json")).Should().BeFalse();
    }

    [Fact]
    public async Task Unreadable_engines_node_range_names_the_value_and_the_fix()
    {
        using var scratch = new ScratchDirectory();
        scratch.Write("app/package.json", """{"name":"x","version":"1.0.0","engines":{"node":"the newest please"}}""");

        var result = await Runner.BuildAsync(scratch.Combine("app"), scratch.Combine("slug"));

        result.ExitCode.Should().NotBe(0);
        result.StandardError.Should().Contain("engines.node in package.json is 'the newest please', which is not a version range.")
            .And.Contain("\"20.x\"");
    }

    [Fact]
    public async Task Node_version_the_stack_lacks_is_downloaded_and_a_failed_download_names_the_url_and_version()
    {
        using var scratch = new ScratchDirectory();
        scratch.Write("app/package.json", """{"name":"x","version":"1.0.0","engines":{"node":"14.x"}}""");
        var mirror = "file://" + scratch.Combine("no-such-mirror");
        scratch.Write("env/NODE_DIST_URL", mirror);

        var result = await Runner.BuildAsync(
            scratch.Combine("app"), scratch.Combine("slug"), new Dictionary<string, string> { ["PAAS_ENV_DIR"] = scratch.Combine("env") });

        result.ExitCode.Should().NotBe(0);
        result.StandardOutput.Should().Contain("Resolving node version 14.x...");
        result.StandardError.Should().Contain($"Could not download the Node.js release list (to resolve node 14.x) from {mirror}/index.json");
    }

    [Fact]
    public async Task Build_refuses_a_slug_folder_that_already_has_files()
    {
        using var scratch = new ScratchDirectory();
        scratch.Write("slug/leftover.txt", "from an earlier build\n");

        var result = await Runner.BuildAsync(Repository.SampleApp("static"), scratch.Combine("slug"));

        result.ExitCode.Should().Be(1);
        result.StandardError.Should().Contain("is not empty");
    }
}
