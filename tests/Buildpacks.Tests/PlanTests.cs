using Paas.Buildpacks.Tests.Support;

namespace Paas.Buildpacks.Tests;

/// <summary>bin/plan on every sample app: which buildpack detects it and which process types the build will have.</summary>
public sealed class PlanTests
{
    public static TheoryData<string, string, string[]> Samples() => new()
    {
        { "node", "nodejs", ["web: npm start"] },
        { "python", "python", ["web: python app.py"] },
        { "ruby", "ruby", ["web: bundle exec rackup config.ru -p ${PORT:-5000}", "console: bundle exec irb", "rake: bundle exec rake"] },
        { "go", "go", ["web: hello"] },
        { "java-maven", "java", ["web: java -Dserver.port=$PORT $JAVA_OPTS -jar target/*.jar"] },
        { "java-gradle", "java", ["web: build/install/hello/bin/hello"] },
        { "php", "php", ["web: php -S 0.0.0.0:$PORT -t public"] },
        { "static", "static", ["web: .heroku/static/serve"] },
        { "procfile-only", "procfile", ["web: ./serve.sh", "worker: ./work.sh --queue default", "clock: sh -c 'echo tick: $(date)'"] },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Plan_detects_the_sample_language_and_its_process_types(string sample, string buildpack, string[] processTypes)
    {
        var result = await Runner.PlanAsync(Repository.SampleApp(sample));

        result.ExitCode.Should().Be(0, result.ToString());
        var plan = Plan.Parse(result.StandardOutput);
        plan.Buildpacks.Should().Equal(buildpack);
        plan.Entries.Should().Equal(processTypes);
    }

    [Fact]
    public async Task Plan_prints_one_json_document_and_nothing_else_on_stdout()
    {
        var result = await Runner.PlanAsync(Repository.SampleApp("procfile-only"));

        result.StandardOutput.Trim().Should().Be(
            """{"buildpacks":["procfile"],"processTypes":{"web":"./serve.sh","worker":"./work.sh --queue default","clock":"sh -c 'echo tick: $(date)'"}}""");
    }

    [Fact]
    public async Task Ruby_wins_over_nodejs_when_an_app_has_both_as_in_herokus_detection_order()
    {
        using var app = new ScratchDirectory();
        app.Write("Gemfile", "source \"https://rubygems.org\"\n");
        app.Write("package.json", """{"scripts":{"start":"node server.js"}}""");

        var result = await Runner.PlanAsync(app.Path);

        Plan.Parse(result.StandardOutput).Buildpacks.Should().Equal("ruby");
    }

    [Fact]
    public async Task Plan_of_a_missing_folder_names_the_folder()
    {
        var result = await Runner.PlanAsync("/nonexistent/app");

        result.ExitCode.Should().Be(1);
        result.StandardError.Should().Contain("'/nonexistent/app' is not a directory");
    }
}
