using Paas.Buildpacks.Tests.Support;

namespace Paas.Buildpacks.Tests;

/// <summary>The Python buildpack's version choice and its handling of apps with nothing to pip install.</summary>
public sealed class PythonBuildpackTests
{
    [Fact]
    public async Task Requirements_with_only_comments_skip_pip_and_say_so()
    {
        using var scratch = new ScratchDirectory();

        var result = await Runner.BuildAsync(Repository.SampleApp("python"), scratch.Combine("slug"));

        result.ExitCode.Should().Be(0, result.ToString());
        result.StandardOutput.Should().Contain("-----> Python app detected")
            .And.Contain("-----> Using Python 3.11 specified in .python-version")
            .And.Contain("No dependencies to install: requirements.txt lists no packages; skipping pip install");
    }

    [Fact]
    public async Task Pyproject_without_dependencies_skips_pip_and_runtime_txt_names_the_version()
    {
        using var scratch = new ScratchDirectory();
        scratch.Write("app/pyproject.toml", "[project]\nname = \"x\"\nversion = \"1\"\ndependencies = []\n");
        scratch.Write("app/runtime.txt", "python-3.11\n");

        var result = await Runner.BuildAsync(scratch.Combine("app"), scratch.Combine("slug"));

        result.ExitCode.Should().Be(0, result.ToString());
        result.StandardOutput.Should().Contain("Using Python 3.11 specified in runtime.txt")
            .And.Contain("pyproject.toml's [project] lists none; skipping pip install");
    }

    [Fact]
    public async Task Unreadable_python_version_names_the_file_and_the_fix()
    {
        using var scratch = new ScratchDirectory();
        scratch.Write("app/requirements.txt", "\n");
        scratch.Write("app/.python-version", "latest\n");

        var result = await Runner.BuildAsync(scratch.Combine("app"), scratch.Combine("slug"));

        result.ExitCode.Should().NotBe(0);
        result.StandardError.Should().Contain(".python-version asks for Python 'latest'").And.Contain("such as 3.12");
    }
}
