using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;
using Paas.Controllers.Tests.Apps;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Releases;

/// <summary>The steps the release tests take: the operator is <see cref="OperatorUnderTest"/>, the same one the workload tests run.</summary>
internal static class ReleaseTestOperator
{
    public static Task<OperatorUnderTest> StartAsync(Cluster cluster, string ns) => OperatorUnderTest.StartAsync(cluster, ns);

    /// <summary>A Release of App <c>shop</c> as a deploy would create it.</summary>
    public static Task<Release> CreateReleaseAsync(KubeClient client, string ns, int version, IReadOnlyDictionary<string, string> processTypes, string image = Cluster.Image) =>
        client.CreateAsync(new Release
        {
            Metadata = new ObjectMeta { Name = $"shop-v{version}", Namespace = ns, Labels = new Dictionary<string, string> { [PaasLabels.App] = "shop" } },
            Spec = new ReleaseSpec { App = "shop", Version = version, Image = image, ProcessTypes = processTypes, Description = $"Deploy v{version}" },
        });

    public static async Task<Release> WaitForReleaseAsync(KubeClient client, string ns, int version, Func<Release, bool> condition, string because)
    {
        Release? release = null;
        await Eventually.TrueAsync(
            async () => (release = await client.TryGetAsync<Release>($"shop-v{version}", ns)) is not null && condition(release),
            $"shop-v{version} {because}");
        return release!;
    }

    /// <summary>Changes a Job's metadata so that the test kubelet looks at it again (it judges Jobs on ADDED and MODIFIED).</summary>
    public static Task PokeAsync(KubeClient client, string ns, string jobName) =>
        client.MergePatchAsync<Job>(jobName, ns, new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["test/poked"] = Guid.NewGuid().ToString("N") } },
        });
}
