using System.Text.RegularExpressions;
using Paas.Platform.Builds;

namespace Paas.Platform.Tests.Builds;

/// <summary>
/// The build helper image (buildpacks/Dockerfile) cannot be built here, so these tests hold it to what the build Job
/// expects of it: the buildpacks at /paas/buildpacks, with every runner the Job's scripts call present and executable.
/// </summary>
public sealed partial class BuildHelperImageTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(RepoPaths.Root, "buildpacks", "Dockerfile"));

    [Fact]
    public void The_helper_image_puts_the_buildpacks_folder_where_the_plan_step_reads_it()
    {
        Dockerfile.Should().MatchRegex(@"(?m)^COPY buildpacks /paas/buildpacks$");
        BuildScripts.Plan.Should().Contain("cp -R /paas/buildpacks");
    }

    [Fact]
    public void Every_runner_the_build_job_calls_exists_and_is_executable()
    {
        var scripts = BuildScripts.Plan + SlugDockerfile.Render(BuildSamples.Heroku24, 1000);
        var called = RunnerPath().Matches(scripts).Select(match => match.Groups["path"].Value).Distinct().ToList();

        called.Should().Contain(["bin/plan", "bin/build"]);
        foreach (var path in called)
        {
            var file = Path.Combine(RepoPaths.Root, "buildpacks", path);
            File.Exists(file).Should().BeTrue($"the Job calls /paas/buildpacks/{path}");
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(file).Should().HaveFlag(UnixFileMode.UserExecute, $"the Job executes /paas/buildpacks/{path}");
            }
        }
    }

    [GeneratedRegex(@"/paas/buildpacks/(?<path>[A-Za-z0-9_./-]+)")]
    private static partial Regex RunnerPath();
}
