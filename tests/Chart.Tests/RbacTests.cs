using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Config;
using Kube.Models;
using Kube.Testing;
using Kube.Testing.Kubelet;
using Microsoft.Extensions.Logging.Abstractions;
using Paas.Host.Running;
using Paas.Platform.Api;
using Paas.Webhook;
using Paas.Webhook.Registration;

namespace Paas.Chart.Tests;

/// <summary>
/// The chart's RBAC against what the operator really calls: the operator runs in cluster mode against the in-process
/// API server, a user's scenario is played, and every request the operator made is checked against the ClusterRole
/// and Role that <c>helm template</c> renders; then every grant must have been used, or be listed below with why.
/// </summary>
public sealed class RbacTests : IAsyncLifetime
{
    private const string AppNamespace = "team-a";

    /// <summary>Grants the scenario does not exercise, and why the operator still needs them in a cluster.</summary>
    private static readonly Dictionary<string, string> UnusedOnPurpose = new()
    {
        ["get paas.dev/apps"] = "the webhook reads the App when it admits a Formation (KubePaasObjectReader); the in-process server cannot call the webhook through its Service",
        ["get paas.dev/releases"] = "the webhook reads the App's current Release when it admits a Formation, as above",
        ["update secrets"] = "the webhook replaces its certificate Secret when it renews it, 30 days before expiry",
        ["delete pods"] = "dyno cycling restarts each dyno once a day (24 h plus up to 216 min), longer than a test runs",
        ["delete batch/jobs"] = "a newer Build cancels an older running one by deleting its Job",
        ["delete networking.k8s.io/ingresses"] = "the web Ingress is pruned when an App stops having a web process type",
        ["patch events.k8s.io/events"] = "the event recorder patches an Event's series when the same event repeats, which the scenario does only when its timing makes a reconcile repeat one",
    };

    private readonly ConcurrentQueue<ObservedRequest> requests = new();
    private readonly string directory = Directory.CreateTempSubdirectory("paas-rbac-").FullName;
    private KubeApiServer server = null!;
    private KubeClient client = null!;

    public async Task InitializeAsync()
    {
        server = await KubeApiServer.StartAsync(new KubeApiServerOptions { RequestObserver = requests.Enqueue });
        var kubeconfig = server.WriteKubeconfig(Path.Combine(directory, "kubeconfig"));
        client = KubeClientFactory.Create(new KubeConfigLoadOptions { KubeconfigPath = kubeconfig }, new KubeClientOptions { JsonResolvers = [PaasJsonContext.Default], UserAgent = "chart-tests" });
        await CrdInstaller.InstallAsync(client.Dynamic, Path.Combine(HelmChart.ChartDirectory, "crds"), TimeSpan.FromSeconds(30), CancellationToken.None);
        foreach (var name in new[] { HelmChart.Namespace, AppNamespace })
        {
            await client.Dynamic.ApplyAsync(WellKnownResources.Namespaces, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } }, new ApplyOptions("test"));
        }
    }

    [Fact]
    public async Task Every_request_the_operator_makes_is_granted_by_the_chart_and_every_grant_is_used()
    {
        var objects = await HelmChart.TemplateAsync("-f", HelmChart.AllFeaturesValues, "--set", "webhook.certManager.enabled=false");
        var rbac = RenderedRbac.From(objects);
        await RegisterWebhookConfigurationsAsync();
        var settingsFile = Path.Combine(directory, "settings.yaml");
        await File.WriteAllTextAsync(settingsFile, objects.Single("ConfigMap", "paas-operator-settings")["data"]!["settings.yaml"]!.GetValue<string>());

        await using (var kubelet = TestKubelet.Start(client))
        {
            using var stop = new CancellationTokenSource();
            var run = new OperatorRunner(
                new RunSettings
                {
                    Kubeconfig = Path.Combine(directory, "kubeconfig"),
                    LeaseNamespace = HelmChart.Namespace,
                    WebhookNamespace = HelmChart.Namespace,
                    WebhookAddress = $"127.0.0.1:{FreePort()}",
                    ProbeAddress = $"127.0.0.1:{FreePort()}",
                    SettingsFile = settingsFile,
                },
                NullLoggerFactory.Instance).RunAsync(stop.Token);
            await PlayScenarioAsync(run);
            await stop.CancelAsync();
            (await run.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(0);
        }

        var made = requests.Where(r => r.UserAgent?.StartsWith("paas-operator", StringComparison.Ordinal) == true).ToList();
        made.Should().NotBeEmpty();
        var needed = made.SelectMany(r => Needs(r).Select(p => (Permission: p, Request: r))).ToList();

        var denied = needed.Where(n => !rbac.Allows(n.Permission, n.Request.Namespace, n.Request.Name))
            .Select(n => $"{n.Permission} ({n.Request.Method} {n.Request.Path})").Distinct().ToList();
        string.Join(", ", denied).Should().BeEmpty("the chart's ClusterRole and Role must grant every request the operator makes");

        var unused = rbac.Rules.SelectMany(rule => rule.Permissions.Where(p => !needed.Any(n => n.Permission == p && rule.Allows(p, n.Request.Namespace, n.Request.Name))))
            .Select(p => p.ToString()).Distinct().Where(p => !UnusedOnPurpose.ContainsKey(p)).ToList();
        string.Join(", ", unused).Should().BeEmpty("the chart should grant nothing the operator never calls (or list it in UnusedOnPurpose with the reason)");
    }

    [Fact]
    public void A_request_outside_the_rules_is_denied_and_a_resource_name_rule_allows_only_that_name()
    {
        var rbac = new RenderedRbac(
        [
            new RbacRule(null, ["apps"], ["deployments"], ["get", "list"], []),
            new RbacRule(null, ["admissionregistration.k8s.io"], ["validatingwebhookconfigurations"], ["update"], ["paas-operator"]),
            new RbacRule("paas-system", ["coordination.k8s.io"], ["leases"], ["get"], []),
        ]);

        rbac.Allows(new Permission("apps", "deployments", "get"), "team-a", "web").Should().BeTrue();
        rbac.Allows(new Permission("apps", "deployments", "delete"), "team-a", "web").Should().BeFalse();
        rbac.Allows(new Permission("admissionregistration.k8s.io", "validatingwebhookconfigurations", "update"), null, "other").Should().BeFalse();
        rbac.Allows(new Permission("admissionregistration.k8s.io", "validatingwebhookconfigurations", "update"), null, "paas-operator").Should().BeTrue();
        rbac.Allows(new Permission("coordination.k8s.io", "leases", "get"), "team-a", "x").Should().BeFalse("a Role grants only in its namespace");
        rbac.Allows(new Permission("coordination.k8s.io", "leases", "get"), "paas-system", "x").Should().BeTrue();
    }

    /// <summary>What the API server authorizes for a request: server-side apply that creates an object needs create too.</summary>
    private static IEnumerable<Permission> Needs(ObservedRequest request)
    {
        var resource = request.Subresource is null ? request.Resource : $"{request.Resource}/{request.Subresource}";
        yield return new Permission(request.Group, resource, request.Verb);
        if (request.Verb == "patch" && request.StatusCode == (int)HttpStatusCode.Created)
        {
            yield return new Permission(request.Group, resource, "create");
        }
    }

    private async Task PlayScenarioAsync(Task run)
    {
        var apply = new ApplyOptions("kubectl");
        await client.Dynamic.ApplyAsync(App.Resource, Manifest("""
            {"metadata": {"name": "shop", "namespace": "@namespace"},
             "spec": {"procfile": "release: ./migrate\nweb: ./server --port $PORT\nworker: ./worker\n", "config": {"RAILS_ENV": "production"}}}
            """), apply);
        await client.Dynamic.ApplyAsync(Build.Resource, Manifest("""
            {"metadata": {"name": "shop-1", "namespace": "@namespace"},
             "spec": {"app": "shop", "source": {"image": "registry.example.com/shop@sha256:@digest"}}}
            """), apply);
        await client.Dynamic.ApplyAsync(Formation.Resource, Manifest("""
            {"metadata": {"name": "shop", "namespace": "@namespace"},
             "spec": {"app": "shop", "processes": {"web": {"quantity": 2}, "worker": {"autoscale": {"min": 1, "max": 3}}}}}
            """), apply);
        await EventuallyAsync(run, "App shop becomes Ready with its first release", async () => IsReady(await client.Dynamic.GetAsync(App.Resource, "shop", AppNamespace)));

        // A config change and a Procfile without the worker make the next release, whose rollout prunes the worker's
        // Deployment and HPA; maintenance mode routes web to the maintenance page; one web dyno needs no PDB.
        await client.Dynamic.ApplyAsync(App.Resource, Manifest("""
            {"metadata": {"name": "shop", "namespace": "@namespace"},
             "spec": {"procfile": "release: ./migrate\nweb: ./server --port $PORT\n", "config": {"RAILS_ENV": "staging"}, "maintenance": true}}
            """), apply);
        await client.Dynamic.ApplyAsync(Formation.Resource, Manifest("""
            {"metadata": {"name": "shop", "namespace": "@namespace"},
             "spec": {"app": "shop", "processes": {"web": {"quantity": 1}, "worker": {"autoscale": {"min": 1, "max": 3}}}}}
            """), apply);
        await EventuallyAsync(run, "App shop is Ready with release 2", async () =>
        {
            var app = await client.Dynamic.GetAsync(App.Resource, "shop", AppNamespace);
            return IsReady(app) && app["status"]?["currentRelease"]?.GetValue<int>() >= 2;
        });
        // Maintenance off: the maintenance Service goes again.
        await client.Dynamic.ApplyAsync(App.Resource, Manifest("""
            {"metadata": {"name": "shop", "namespace": "@namespace"},
             "spec": {"procfile": "release: ./migrate\nweb: ./server --port $PORT\n", "config": {"RAILS_ENV": "staging"}, "maintenance": false}}
            """), apply);
        await EventuallyAsync(run, "the maintenance Service of App shop is pruned", async () =>
            requests.Any(r => r.Verb == "delete" && r.Resource == "services" && r.UserAgent?.StartsWith("paas-operator", StringComparison.Ordinal) == true));
        // Auto-deploy: an App that follows a branch gets a Build of the branch's commit, created by the operator.
        await using var git = await OneCommitGitHost.StartAsync(new string('c', 40));
        await client.Dynamic.ApplyAsync(App.Resource, Manifest("""
            {"metadata": {"name": "site", "namespace": "@namespace"},
             "spec": {"source": {"git": {"url": "@url", "ref": "main"}}}}
            """.Replace("@url", git.UrlOf("team/site"), StringComparison.Ordinal)), apply);
        await EventuallyAsync(run, "the operator starts a Build of the commit App site follows", async () =>
            (await client.Dynamic.TryGetAsync(Build.Resource, "site-" + git.Commit[..7], AppNamespace)) is not null);
        await EventuallyAsync(run, "the operator renewed its Lease in the release namespace", async () =>
            (await client.Dynamic.TryGetAsync(Lease.Resource, "paas-operator-leader", HelmChart.Namespace)) is not null);
    }

    private async Task RegisterWebhookConfigurationsAsync()
    {
        // The chart's configurations call the webhook through a Service, which the in-process server cannot reach;
        // these call a closed port and are ignored on failure, so the scenario runs while the operator still
        // publishes its CA into them, as it does in a cluster.
        var (validating, mutating) = WebhookConfigurations.Render(new WebhookOptions { Namespace = HelmChart.Namespace, Url = new Uri($"https://127.0.0.1:{FreePort()}/") });
        foreach (var (resource, configuration) in new[] { (WellKnownResources.ValidatingWebhookConfigurations, validating), (WellKnownResources.MutatingWebhookConfigurations, mutating) })
        {
            configuration["webhooks"]![0]!["failurePolicy"] = "Ignore";
            await client.Dynamic.ApplyAsync(resource, configuration, new ApplyOptions("helm", Force: true));
        }
    }

    private static bool IsReady(JsonObject app) =>
        app["status"]?["conditions"] is JsonArray conditions &&
        conditions.Any(c => c?["type"]?.GetValue<string>() == ConditionTypes.Ready && c["status"]?.GetValue<string>() == "True");

    private static JsonObject Manifest(string json) =>
        JsonNode.Parse(json.Replace("@namespace", AppNamespace, StringComparison.Ordinal).Replace("@digest", new string('a', 64), StringComparison.Ordinal))!.AsObject();

    private static async Task EventuallyAsync(Task run, string what, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (run.IsCompleted)
            {
                await run;
                throw new InvalidOperationException($"the operator stopped before: {what}");
            }

            DateTime.UtcNow.Should().BeBefore(deadline, $"within 30 s: {what}");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
