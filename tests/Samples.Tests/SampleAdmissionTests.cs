using Kube.Client;
using Paas.Samples.Tests.Support;
using Xunit.Abstractions;

namespace Paas.Samples.Tests;

/// <summary>
/// Every sample applied, server-side, by the real kubectl into a namespace of its own: it must pass the CRD schemas and
/// the admission webhook and be stored whole, exactly as a user who copies it would see.
/// </summary>
public sealed class SampleAdmissionTests(SampleCluster cluster, ITestOutputHelper output) : IClassFixture<SampleCluster>
{
    [Theory]
    [MemberData(nameof(SampleFiles.All), MemberType = typeof(SampleFiles))]
    public async Task Every_sample_passes_the_schemas_and_the_webhook_and_is_stored(string sample)
    {
        var @namespace = await cluster.NewNamespaceAsync(Path.GetFileNameWithoutExtension(sample));
        var path = Path.Combine(Repository.Samples, sample);

        var applied = await cluster.Kubectl.RunAsync("apply", "--server-side", "--field-manager", "samples-test", "-n", @namespace, "-f", path);
        output.WriteLine(applied.ToString());
        var stored = await cluster.Kubectl.RunAsync("get", "-n", @namespace, "-f", path, "-o", "name");

        applied.ExitCode.Should().Be(0, applied.ToString());
        UnexpectedWarnings(applied.Stderr).Should().BeEmpty("a sample should apply cleanly; only the Formation-before-first-release warning is expected");
        var expected = ManifestYaml.Parse(SampleFiles.Read(sample), sample).Count;
        stored.ExitCode.Should().Be(0, stored.ToString());
        stored.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(expected, stored.ToString());
    }

    /// <summary>Admission warnings other than the ones a fresh namespace must give (no App or Release yet).</summary>
    private static IEnumerable<string> UnexpectedWarnings(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith("Warning:", StringComparison.Ordinal))
            .Where(line => !line.Contains("no release yet", StringComparison.Ordinal));
}
