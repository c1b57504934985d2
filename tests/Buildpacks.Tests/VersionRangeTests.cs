using Paas.Buildpacks.Tests.Support;

namespace Paas.Buildpacks.Tests;

/// <summary>buildpacks/lib/semver.awk: how engines.node, go.mod and composer.json ranges pick a runtime version.</summary>
public sealed class VersionRangeTests
{
    private const string Releases = "14.21.3\n16.20.2\n18.19.0\n20.11.1\n20.20.2\n22.1.0\n22.12.0\n23.0.0-rc.1\n0.2.5\n";

    [Theory]
    [InlineData("20.x", "20.20.2")]
    [InlineData("20", "20.20.2")]
    [InlineData(">=18", "22.12.0")]
    [InlineData(">= 18 <22", "20.20.2")]
    [InlineData("^20.1", "20.20.2")]
    [InlineData("~20.11", "20.11.1")]
    [InlineData("18 || 22.1", "22.1.0")]
    [InlineData("16 - 20", "20.20.2")]
    [InlineData("20.11.1", "20.11.1")]
    [InlineData("<=20", "20.20.2")]
    [InlineData("^0.2", "0.2.5")]
    [InlineData("*", "22.12.0")]
    [InlineData("", "22.12.0")]
    public async Task Range_resolves_to_the_newest_satisfying_release_never_a_prerelease(string range, string expected)
    {
        var result = await ResolveAsync(range);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StandardOutput.Trim().Should().Be(expected);
    }

    [Fact]
    public async Task Range_no_release_satisfies_exits_1()
    {
        (await ResolveAsync("^24")).ExitCode.Should().Be(1);
    }

    [Theory]
    [InlineData("lts/*")]
    [InlineData("the newest please")]
    [InlineData("1.2.3.4")]
    public async Task Range_that_cannot_be_read_exits_2(string range)
    {
        (await ResolveAsync(range)).ExitCode.Should().Be(2);
    }

    private static async Task<ScriptResult> ResolveAsync(string range)
    {
        using var scratch = new ScratchDirectory();
        var releases = scratch.Write("releases.txt", Releases);
        return await Script.RunAsync(
            "awk", ["-v", $"range={range}", "-f", Path.Combine(Repository.Root, "buildpacks", "lib", "semver.awk"), releases]);
    }
}
