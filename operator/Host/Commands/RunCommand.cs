using System.CommandLine;
using Paas.Host.Running;
using Paas.Host.Running.Settings;

namespace Paas.Host.Commands;

/// <summary><c>paas-operator run</c>: runs the controllers against a cluster or an embedded API server.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var embedded = new Option<bool>("--embedded") { Description = "Start an in-process Kubernetes API server on 127.0.0.1 instead of using a cluster." };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Path of a kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster)." };
        var context = new Option<string?>("--context") { Description = "The kubeconfig context to use." };
        var port = new Option<int>("--embedded-port") { Description = "Port of the embedded API server; 0 picks a free one.", DefaultValueFactory = _ => 0 };
        var stateDirectory = new Option<string>("--state-dir") { Description = "Where the embedded mode writes its kubeconfig.", DefaultValueFactory = _ => ".run" };
        var crds = new Option<string>("--crds") { Description = "Folder of CRD YAML the embedded mode installs.", DefaultValueFactory = _ => "crds" };
        var leaderElection = new Option<bool>("--leader-elect") { Description = "Run controllers only while holding the leader Lease.", DefaultValueFactory = _ => true };
        var leaseNamespace = new Option<string?>("--leader-elect-namespace") { Description = "Namespace of the leader Lease (default: POD_NAMESPACE, else the kubeconfig's namespace)." };
        var probes = new Option<string>("--probe-address") { Description = "host:port serving /healthz and /readyz.", DefaultValueFactory = _ => "127.0.0.1:8081" };
        var metrics = new Option<string?>("--metrics-address")
        {
            Description = "host:port serving Prometheus /metrics; :port for every interface, 0 for off (default: :8080; embedded mode: 127.0.0.1:8080, skipped if taken).",
        };
        var logFormat = new Option<string>("--log-format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var webhook = new Option<bool>("--webhook") { Description = "Serve the paas.dev admission webhook.", DefaultValueFactory = _ => true };
        var webhookAddress = new Option<string>("--webhook-address") { Description = "host:port of the webhook in a cluster.", DefaultValueFactory = _ => "0.0.0.0:9443" };
        var webhookNamespace = new Option<string?>("--webhook-namespace") { Description = "Namespace of the webhook Service and certificate Secret (default: POD_NAMESPACE, else paas-system)." };
        var webhookCertManager = new Option<bool>("--webhook-cert-manager") { Description = "Use the certificate cert-manager mounts instead of creating one." };
        var settingsFile = new Option<string?>("--settings") { Description = "YAML file of platform settings (base domain, dyno sizes, ingress, builds); default: built-in defaults." };

        var command = new Command("run", "Run the operator.")
        {
            embedded, kubeconfig, context, port, stateDirectory, crds, leaderElection, leaseNamespace, probes, metrics, logFormat,
            webhook, webhookAddress, webhookNamespace, webhookCertManager, settingsFile,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = new RunSettings
            {
                Embedded = parseResult.GetValue(embedded),
                Kubeconfig = parseResult.GetValue(kubeconfig),
                Context = parseResult.GetValue(context),
                EmbeddedPort = parseResult.GetValue(port),
                StateDirectory = parseResult.GetValue(stateDirectory)!,
                CrdDirectory = parseResult.GetValue(crds)!,
                LeaderElection = parseResult.GetValue(leaderElection),
                LeaseNamespace = parseResult.GetValue(leaseNamespace),
                ProbeAddress = parseResult.GetValue(probes)!,
                MetricsAddress = parseResult.GetValue(metrics),
                JsonLogs = parseResult.GetValue(logFormat) == "json",
                Webhook = parseResult.GetValue(webhook),
                WebhookAddress = parseResult.GetValue(webhookAddress)!,
                WebhookNamespace = parseResult.GetValue(webhookNamespace),
                WebhookCertManager = parseResult.GetValue(webhookCertManager),
                SettingsFile = parseResult.GetValue(settingsFile),
            };
            using var loggers = LoggerFactory.Create(logging =>
            {
                if (settings.JsonLogs)
                {
                    logging.AddJsonConsole();
                }
                else
                {
                    logging.AddSimpleConsole(console => console.SingleLine = true);
                }
            });
            try
            {
                return await new OperatorRunner(settings, loggers).RunAsync(cancellationToken);
            }
            catch (SettingsFileException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }
        });
        return command;
    }
}
