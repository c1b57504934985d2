using System.Net;
using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Config;
using Kube.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Paas.Host.Running;
using Paas.Platform.Api;
using static Paas.Host.Tests.Support.RunningOperator;

namespace Paas.Host.Tests;

public sealed class OperatorRunnerTests : IDisposable
{

    private readonly string stateDirectory = Directory.CreateTempSubdirectory("paas-run-").FullName;

    [Fact]
    public async Task Embedded_mode_installs_the_crds_and_webhook_leads_reconciles_apps_and_stops_cleanly_on_cancel()
    {
        var probePort = FreePort();
        var settings = new RunSettings
        {
            Embedded = true,
            StateDirectory = stateDirectory,
            CrdDirectory = Path.Combine(RepositoryRoot(), "crds"),
            ProbeAddress = $"127.0.0.1:{probePort}",
            LeaseNamespace = "kube-system",
        };
        using var stop = new CancellationTokenSource();
        var run = new OperatorRunner(settings, NullLoggerFactory.Instance).RunAsync(stop.Token);

        using var probes = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{probePort}") };
        await Eventually(async () => (await probes.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode == HttpStatusCode.OK, run);

        using var client = KubeClientFactory.Create(new KubeConfigLoadOptions { KubeconfigPath = Path.Combine(stateDirectory, "kubeconfig") });
        var crds = await client.Dynamic.ListAsync(WellKnownResources.CustomResourceDefinitions, null);
        crds["items"]!.AsArray().Select(crd => crd!["metadata"]!["name"]!.GetValue<string>())
            .Should().BeEquivalentTo("apps.paas.dev", "builds.paas.dev", "releases.paas.dev", "formations.paas.dev");
        string? firstRenewal = null;
        await Eventually(async () => (firstRenewal = await HeldLeaseRenewalAsync(client)) is not null, run);
        // Still leading after a renewal: the operator keeps its lease until it is stopped, even with nothing to reconcile.
        await Eventually(async () => await HeldLeaseRenewalAsync(client) is { } renewal && renewal != firstRenewal, run);

        // The controllers run: an App applied with kubectl's verb gets a status that reports on its generation.
        await client.Dynamic.ApplyAsync(App.Resource, new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "hello", ["namespace"] = "default" },
            ["spec"] = new JsonObject { ["config"] = new JsonObject { ["GREETING"] = "hi" } },
        }, new ApplyOptions("test"));
        await Eventually(async () =>
            (await client.Dynamic.GetAsync(App.Resource, "hello", "default"))["status"]?["conditions"] is JsonArray conditions &&
            conditions.Any(c => c?["type"]?.GetValue<string>() == "Released" && c["observedGeneration"]?.GetValue<long>() == 1),
            run);

        // The admission webhook is registered with the embedded server: a bad config var key is refused with the fix.
        var badApp = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "broken", ["namespace"] = "default" },
            ["spec"] = new JsonObject { ["config"] = new JsonObject { ["BAD-KEY"] = "x" } },
        };
        (await FluentActions.Awaiting(() => client.Dynamic.ApplyAsync(App.Resource, badApp, new ApplyOptions("test"))).Should().ThrowAsync<KubeApiException>())
            .Which.Message.Should().Contain("admission webhook \"validate.paas.dev\" denied the request").And.Contain("BAD-KEY").And.Contain("BAD_KEY");

        await stop.CancelAsync();
        (await run.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(0);
        await FluentActions.Awaiting(() => probes.GetAsync(new Uri("/healthz", UriKind.Relative))).Should().ThrowAsync<HttpRequestException>("the probe server stops with the operator");
    }

    [Fact]
    public async Task A_missing_crd_folder_fails_with_a_message_that_names_it_and_the_fix()
    {
        var settings = new RunSettings
        {
            Embedded = true,
            StateDirectory = stateDirectory,
            CrdDirectory = Path.Combine(stateDirectory, "no-such-folder"),
            ProbeAddress = $"127.0.0.1:{FreePort()}",
        };

        var run = () => new OperatorRunner(settings, NullLoggerFactory.Instance).RunAsync(CancellationToken.None);

        (await run.Should().ThrowAsync<DirectoryNotFoundException>())
            .WithMessage($"*{settings.CrdDirectory}*--crds*");
    }

    private static async Task<string?> HeldLeaseRenewalAsync(KubeClient client)
    {
        var spec = (await client.Dynamic.TryGetAsync(Lease.Resource, "paas-operator-leader", "kube-system"))?["spec"];
        return spec?["holderIdentity"]?.GetValue<string>() is { Length: > 0 } ? spec["renewTime"]?.ToJsonString() : null;
    }

    public void Dispose() => Directory.Delete(stateDirectory, recursive: true);
}
