using Paas.Buildpacks.Tests.Support;

namespace Paas.Buildpacks.Tests;

/// <summary>PAAS_BUILDPACKS (the App's spec.buildpacks): names, Heroku names and third-party git URLs, in order.</summary>
public sealed class ExplicitBuildpackTests
{
    [Fact]
    public async Task Listed_buildpacks_run_in_the_given_order_and_the_last_one_supplies_default_process_types()
    {
        using var app = new ScratchDirectory();
        app.Write("index.html", "<p>hi</p>");
        app.Write("package.json", """{"scripts":{"start":"node server.js"}}""");

        var result = await Runner.PlanAsync(app.Path, new Dictionary<string, string> { ["PAAS_BUILDPACKS"] = " heroku/nodejs , static" });

        result.ExitCode.Should().Be(0, result.ToString());
        var plan = Plan.Parse(result.StandardOutput);
        plan.Buildpacks.Should().Equal("heroku/nodejs", "static");
        plan.Entries.Should().Equal("web: .heroku/static/serve");
    }

    [Fact]
    public async Task Listed_buildpack_that_does_not_detect_fails_the_plan_with_its_reason()
    {
        using var app = new ScratchDirectory();
        app.Write("index.html", "<p>hi</p>");

        var result = await Runner.PlanAsync(app.Path, new Dictionary<string, string> { ["PAAS_BUILDPACKS"] = "static,python" });

        result.ExitCode.Should().Be(1);
        result.StandardError.Should().Contain("App not compatible with buildpack: python")
            .And.Contain("no requirements.txt, pyproject.toml or setup.py in the app root");
    }

    [Fact]
    public async Task Unknown_buildpack_name_is_refused_with_the_names_that_exist()
    {
        var result = await Runner.PlanAsync(Repository.SampleApp("node"), new Dictionary<string, string> { ["PAAS_BUILDPACKS"] = "nodjs" });

        result.ExitCode.Should().Be(1);
        result.StandardError.Should().Contain("Unknown buildpack 'nodjs'").And.Contain("ruby nodejs python java php go static procfile");
    }

    [Fact]
    public async Task Third_party_buildpack_from_a_git_url_is_cloned_detected_compiled_and_released()
    {
        using var scratch = new ScratchDirectory();
        var url = await ThirdPartyBuildpack.CreateAsync(scratch.Combine("greeting-buildpack"));
        var slug = scratch.Combine("slug");
        var environment = new Dictionary<string, string> { ["PAAS_BUILDPACKS"] = url };

        var plan = await Runner.PlanAsync(Repository.SampleApp("static"), environment);
        var build = await Runner.BuildAsync(Repository.SampleApp("static"), slug, environment);

        plan.ExitCode.Should().Be(0, plan.ToString());
        Plan.Parse(plan.StandardOutput).Buildpacks.Should().Equal(url);
        Plan.Parse(plan.StandardOutput).Entries.Should().Equal("web: cat greeting.txt");
        build.ExitCode.Should().Be(0, build.ToString());
        build.StandardOutput.Should().Contain("-----> Greeting app detected").And.Contain("-----> Writing a greeting from main");
        File.ReadAllText(Path.Combine(slug, "greeting.txt")).Should().Be("hello from main\n");
        Plan.Parse(await File.ReadAllTextAsync(Path.Combine(slug, ".paas", "build.json"))).Buildpacks.Should().Equal(url);
    }

    [Fact]
    public async Task Git_url_with_a_ref_suffix_clones_that_branch()
    {
        using var scratch = new ScratchDirectory();
        var url = await ThirdPartyBuildpack.CreateAsync(scratch.Combine("greeting-buildpack"));
        var slug = scratch.Combine("slug");

        var build = await Runner.BuildAsync(Repository.SampleApp("static"), slug, new Dictionary<string, string> { ["PAAS_BUILDPACKS"] = url + "#v2" });

        build.ExitCode.Should().Be(0, build.ToString());
        build.StandardOutput.Should().Contain("-----> Writing a greeting from v2");
        File.ReadAllText(Path.Combine(slug, "greeting.txt")).Should().Be("hello from v2\n");
    }

    [Fact]
    public async Task Git_url_that_cannot_be_cloned_names_the_url()
    {
        using var scratch = new ScratchDirectory();
        var url = "file://" + scratch.Combine("no-such-repository");

        var result = await Runner.PlanAsync(Repository.SampleApp("static"), new Dictionary<string, string> { ["PAAS_BUILDPACKS"] = url });

        result.ExitCode.Should().Be(1);
        result.StandardError.Should().Contain($"Could not fetch buildpack {url}: git clone failed.");
    }
}
