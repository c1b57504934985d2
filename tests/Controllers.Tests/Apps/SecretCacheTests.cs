using System.Net;
using System.Text;
using Kube.Models;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Apps;

/// <summary>The operator caches the Secrets Apps read, not Helm's release records.</summary>
public class SecretCacheTests : IClassFixture<Cluster>
{
    private readonly Cluster cluster;

    public SecretCacheTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Secrets_are_listed_and_watched_without_helm_release_records_and_config_from_still_reads_its_secret()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.Client.CreateAsync(new Secret
        {
            Metadata = new ObjectMeta { Name = "sh.helm.release.v1.db.v1", Namespace = ns },
            Type = "helm.sh/release.v1",
            Data = new Dictionary<string, byte[]> { ["release"] = new byte[4096] },
        });
        await cluster.Client.CreateAsync(new Secret
        {
            Metadata = new ObjectMeta { Name = "shop-credentials", Namespace = ns },
            Data = new Dictionary<string, byte[]> { ["TOKEN"] = Encoding.UTF8.GetBytes("t0ken") },
        });
        await using var op = await OperatorUnderTest.StartAsync(cluster, ns);

        await cluster.Client.CreateAsync(new App
        {
            Metadata = new ObjectMeta { Name = "shop", Namespace = ns },
            Spec = new AppSpec { ConfigFrom = [new ConfigSource { SecretRef = new LocalObjectReference { Name = "shop-credentials" } }] },
        });
        await OperatorUnderTest.CreateReleaseAsync(cluster.Client, ns, 1, new Dictionary<string, string> { ["web"] = "./server" });

        var secretReads = op.Requests.Requests.Where(r => r.Method == HttpMethod.Get && r.Path.Contains("/secrets", StringComparison.Ordinal)).Select(r => WebUtility.UrlDecode(r.Path)).ToList();
        secretReads.Should().NotBeEmpty().And.OnlyContain(path => path.Contains("fieldSelector=type!=helm.sh/release.v1", StringComparison.Ordinal));
        await Eventually.TrueAsync(
            async () => (await cluster.Client.ListAsync<Secret>(ns)).Items.Any(s => s.Metadata.Labels?.GetValueOrDefault(PaasLabels.App) == "shop" && s.Data?.ContainsKey("TOKEN") == true),
            "the config snapshot holds the configFrom Secret's key");
    }
}
