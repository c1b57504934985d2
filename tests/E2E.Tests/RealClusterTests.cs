using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;
using Kube.Runtime.Informers;
using Paas.Platform.Crds;

namespace Paas.E2E.Tests;

/// <summary>The client, the runtime and the CRDs against a real API server; each test works in a namespace of its own.</summary>
public sealed class RealClusterTests : IAsyncLifetime
{

    private KubeClient client = null!;
    private string testNamespace = null!;

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("PAAS_E2E") != "1")
        {
            return;
        }

        client = KubeClientFactory.Create();
        var created = await client.Dynamic.CreateAsync(WellKnownResources.Namespaces, new JsonObject { ["metadata"] = new JsonObject { ["generateName"] = "paas-e2e-" } });
        testNamespace = created["metadata"]!["name"]!.GetValue<string>();
    }

    public async Task DisposeAsync()
    {
        if (testNamespace is not null)
        {
            await client.Dynamic.DeleteAsync(WellKnownResources.Namespaces, testNamespace, null);
            client.Dispose();
        }
    }

    [ClusterFact]
    public async Task Server_side_apply_installs_the_paas_crds_and_they_become_established()
    {
        foreach (var crd in CrdGenerator.CustomResourceDefinitions())
        {
            var applied = await client.Dynamic.ApplyAsync(WellKnownResources.CustomResourceDefinitions, crd, new ApplyOptions("paas-operator-e2e", Force: true));
            applied["metadata"]!["name"]!.GetValue<string>().Should().EndWith(".paas.dev");
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var crd in CrdGenerator.CustomResourceDefinitions())
        {
            var name = crd["metadata"]!["name"]!.GetValue<string>();
            while (!IsEstablished(await client.Dynamic.GetAsync(WellKnownResources.CustomResourceDefinitions, name, null)))
            {
                DateTime.UtcNow.Should().BeBefore(deadline, $"{name} should be Established within 60 s");
                await Task.Delay(500);
            }
        }
    }

    [ClusterFact]
    public async Task Informer_sees_a_lease_created_updated_and_deleted()
    {
        var informer = new Informer<Lease>(client, new InformerOptions { Namespace = testNamespace });
        var events = new List<string>();
        informer.AddHandler(new InformerHandler<Lease>(
            added: lease => Record(events, $"added {lease.Metadata.Name}"),
            updated: (_, lease) => Record(events, $"updated {lease.Spec?.HolderIdentity}"),
            deleted: lease => Record(events, $"deleted {lease.Metadata.Name}")));
        using var stop = new CancellationTokenSource();
        var running = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var lease = await client.CreateAsync(new Lease { Metadata = new ObjectMeta { Name = "e2e", Namespace = testNamespace }, Spec = new LeaseSpec { HolderIdentity = "first" } });
        await client.ReplaceAsync(lease with { Spec = new LeaseSpec { HolderIdentity = "second" } });
        await client.DeleteAsync<Lease>("e2e", testNamespace);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Snapshot(events).Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await stop.CancelAsync();
        await running;
        Snapshot(events).Should().Equal("added e2e", "updated second", "deleted e2e");
    }

    private static bool IsEstablished(JsonObject crd) =>
        crd["status"]?["conditions"] is JsonArray conditions &&
        conditions.Any(c => c?["type"]?.GetValue<string>() == "Established" && c["status"]?.GetValue<string>() == "True");

    private static void Record(List<string> events, string text)
    {
        lock (events)
        {
            events.Add(text);
        }
    }

    private static List<string> Snapshot(List<string> events)
    {
        lock (events)
        {
            return [.. events];
        }
    }
}
