using Paas.Buildpacks.Tests.Support;

namespace Paas.Buildpacks.Tests;

/// <summary>How the Procfile and the buildpack's default_process_types combine into the build's process types.</summary>
public sealed class ProcessTypeTests
{
    [Fact]
    public async Task Procfile_entry_beats_the_buildpack_default_of_the_same_type_and_defaults_fill_the_rest()
    {
        using var app = new ScratchDirectory();
        app.Write("Gemfile", "source \"https://rubygems.org\"\n");
        app.Write("config.ru", "run ->(_) { [200, {}, []] }\n");
        app.Write("Procfile", "worker: bundle exec sidekiq\nweb: bundle exec puma -p $PORT\n");

        var result = await Runner.PlanAsync(app.Path);

        result.ExitCode.Should().Be(0, result.ToString());
        Plan.Parse(result.StandardOutput).Entries.Should().Equal(
            "worker: bundle exec sidekiq", "web: bundle exec puma -p $PORT", "console: bundle exec irb", "rake: bundle exec rake");
    }

    [Fact]
    public async Task Procfile_keeps_colons_hashes_and_variables_inside_commands()
    {
        using var app = new ScratchDirectory();
        app.Write("Procfile", "  # comment\r\nurgent_worker: run --url=http://x:1 # not a comment\r\n\r\nClock: echo \"$HOME\\\\x\"\r\n");

        var result = await Runner.PlanAsync(app.Path);

        result.ExitCode.Should().Be(0, result.ToString());
        Plan.Parse(result.StandardOutput).Entries.Should().Equal(
            "urgent_worker: run --url=http://x:1 # not a comment", "Clock: echo \"$HOME\\\\x\"");
    }

    [Fact]
    public async Task Procfile_with_a_malformed_line_or_a_duplicate_type_fails_with_the_line_number()
    {
        using var app = new ScratchDirectory();
        app.Write("Procfile", "web: one\nthis is not a process\nweb: two\nworker:\n");

        var result = await Runner.PlanAsync(app.Path);

        result.ExitCode.Should().Be(1);
        result.StandardError.Should().Contain("Procfile line 2: \"this is not a process\" is not \"type: command\"")
            .And.Contain("Procfile line 3: process type \"web\" is already declared on line 1")
            .And.Contain("Procfile line 4: process type \"worker\" has no command");
        result.StandardOutput.Should().BeEmpty();
    }

    [Fact]
    public async Task Build_writes_the_process_types_into_the_slug_for_start()
    {
        using var scratch = new ScratchDirectory();
        var slug = scratch.Combine("slug");

        var result = await Runner.BuildAsync(Repository.SampleApp("procfile-only"), slug);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StandardOutput.Should().Contain("Procfile declares types     -> web, worker, clock");
        Plan.Parse(await File.ReadAllTextAsync(Path.Combine(slug, ".paas", "build.json"))).ProcessTypes.Select(entry => entry.Key)
            .Should().Equal("web", "worker", "clock");
        File.ReadAllLines(Path.Combine(slug, ".paas", "Procfile")).Should().Equal(
            "web: ./serve.sh", "worker: ./work.sh --queue default", "clock: sh -c 'echo tick: $(date)'");
    }
}
