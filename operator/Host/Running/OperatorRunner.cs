using Kube.Client;
using Kube.Config;
using Kube.Runtime.Diagnostics;
using Kube.Runtime.Events;
using Kube.Runtime.Hosting;
using Kube.Runtime.Leadership;
using Paas.Controllers;
using Paas.Host.Metrics;
using Paas.Host.Running.Settings;
using Paas.Platform;
using Paas.Platform.Api;

namespace Paas.Host.Running;

/// <summary>Runs the operator until cancelled: picks the cluster, builds the client and the controller host, serves probes.</summary>
internal sealed class OperatorRunner(RunSettings settings, ILoggerFactory loggers)
{
    private readonly ILogger logger = loggers.CreateLogger("paas-operator");

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // Read first: a bad settings file should stop the start before anything touches the cluster.
        var platform = settings.SettingsFile is { } settingsFile ? SettingsFile.Load(settingsFile) : PlatformSettings.Default;
        var choice = ClusterSelection.Choose(
            settings.Embedded, settings.Kubeconfig, Environment.GetEnvironmentVariable,
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), File.Exists);
        logger.LogInformation("Using {Mode} mode: {Reason}", choice.Mode, choice.Reason);

        EmbeddedCluster? embedded = null;
        try
        {
            var load = new KubeConfigLoadOptions { KubeconfigPath = settings.Kubeconfig, Context = settings.Context };
            if (choice.Mode == ClusterMode.Embedded)
            {
                embedded = await EmbeddedCluster.StartAsync(
                    new EmbeddedClusterOptions(settings.EmbeddedPort, settings.StateDirectory, settings.CrdDirectory), loggers, cancellationToken);
                load = new KubeConfigLoadOptions { KubeconfigPath = embedded.KubeconfigPath };
                Console.WriteLine($"Embedded Kubernetes API at {embedded.Server.BaseAddress}; in another terminal run:");
                Console.WriteLine($"  export KUBECONFIG={embedded.KubeconfigPath}");
            }

            var config = KubeConfig.Load(load);
            using var client = KubeClientFactory.Create(config, new KubeClientOptions
            {
                JsonResolvers = [PaasJsonContext.Default],
                DefaultFieldManager = "paas-operator",
                UserAgent = "paas-operator/0.1",
                OmitManagedFieldsFromListsAndWatches = true,
            });
            await using var webhook = await AdmissionWebhook.StartAsync(settings, platform, client, embedded is not null, loggers, cancellationToken);
            var identity = $"{Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}";
            var host = new ControllerHost(CreateElector(client, config, identity), logger: loggers.CreateLogger<ControllerHost>());
            // System.Runtime is .NET's own meter: GC heap, working set, CPU time, thread pool; what a memory alert needs.
            using var exporter = new PrometheusExporter(RuntimeMetrics.MeterName, "Paas", "System.Runtime");
            using var runtimeMetrics = new RuntimeMetrics();
            using var operatorMetrics = new OperatorMetrics(host);
            var events = new EventRecorder(
                client,
                new EventRecorderOptions { ReportingController = "paas.dev/operator", ReportingInstance = identity },
                loggers.CreateLogger<EventRecorder>(),
                metrics: runtimeMetrics);
            host.AddBackground("event recorder", events.RunAsync);
            OperatorControllers.AddTo(host, client, events, loggers, settings: platform);
            await using var probes = await ProbeServer.StartAsync(settings.ProbeAddress, host, cancellationToken);
            logger.LogInformation("Probes at http://{Address}/healthz and /readyz", settings.ProbeAddress);
            await using var metrics = await MetricsServer.StartAsync(
                settings.MetricsAddress ?? (embedded is null ? MetricsServer.DefaultAddress : MetricsServer.EmbeddedAddress),
                exporter, optional: settings.MetricsAddress is null && embedded is not null, logger, cancellationToken);
            await host.RunAsync(cancellationToken);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        finally
        {
            if (embedded is not null)
            {
                await embedded.DisposeAsync();
            }

            logger.LogInformation("Stopped");
        }
    }

    private LeaderElector? CreateElector(KubeClient client, KubeConfig config, string identity)
    {
        if (!settings.LeaderElection)
        {
            return null;
        }

        var leaseNamespace = settings.LeaseNamespace ?? Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? config.Namespace;
        return new LeaderElector(
            client,
            new LeaderElectionOptions { LeaseName = "paas-operator-leader", LeaseNamespace = leaseNamespace, Identity = identity },
            loggers.CreateLogger<LeaderElector>());
    }
}
