using System.CommandLine;
using Kube.Client;
using Kube.Config;
using Paas.Cli.Failures;
using Paas.Platform.Api;

namespace Paas.Cli.Cluster;

/// <summary>
/// One command's connection: the typed client, the namespace it works in and the App it was given. The kubeconfig is
/// read on first use, so a malformed command line is reported as such even where no cluster is configured.
/// </summary>
public sealed class CliSession : IDisposable
{
    /// <summary>Written into managedFields, so `kubectl get -o yaml --show-managed-fields` says the change came from paas.</summary>
    public const string FieldManager = "paas-cli";

    private readonly ParseResult parse;
    private readonly GlobalOptions options;
    private readonly Lazy<KubeConfig> config;
    private readonly Lazy<KubeClient> client;
    private readonly Lazy<HttpClient> raw;
    private bool stepOpen;

    public CliSession(ParseResult parse, GlobalOptions options, CliEnvironment environment)
    {
        this.parse = parse ?? throw new ArgumentNullException(nameof(parse));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        config = new Lazy<KubeConfig>(LoadConfig);
        client = new Lazy<KubeClient>(() => new KubeClient(Environment.Handler(Config), Config.Server, new KubeClientOptions
        {
            JsonResolvers = [PaasJsonContext.Default],
            DefaultFieldManager = FieldManager,
            UserAgent = "paas-cli/1.0",
        }));
        raw = new Lazy<HttpClient>(() => new HttpClient(Environment.Handler(Config)) { Timeout = Timeout.InfiniteTimeSpan });
    }

    public KubeConfig Config => config.Value;

    /// <summary>Whether the kubeconfig has been read, so failures can name the server.</summary>
    public bool IsConnected => config.IsValueCreated;

    public KubeClient Client => client.Value;

    /// <summary>Plain HTTP to the same server with the same credentials, for answers that are not JSON (pod logs).</summary>
    public HttpClient Raw => raw.Value;

    public string Namespace => Config.Namespace;

    public CliEnvironment Environment { get; }

    public TextWriter Out => Environment.Out;

    /// <summary>The App named with <c>-a</c>; a usage error when none was given.</summary>
    public string AppName => parse.GetValue(options.App) is { Length: > 0 } name
        ? name
        : throw new UsageException("--app: no App given; name it with -a APP, e.g. `paas releases -a shop` (list Apps with `paas apps`)");

    /// <summary>Starts a step line, "Scaling dynos... "; <see cref="FinishStepAsync"/> ends it with the outcome.</summary>
    public async Task StartStepAsync(string doing)
    {
        await Out.WriteAsync(doing + "... ");
        stepOpen = true;
    }

    /// <summary>Ends the step line: "done", "done, v5".</summary>
    public async Task FinishStepAsync(string outcome)
    {
        stepOpen = false;
        await Out.WriteLineAsync(outcome);
    }

    /// <summary>Ends a step line the command left open by failing, so the error starts on a line of its own.</summary>
    public async Task AbandonStepAsync()
    {
        if (stepOpen)
        {
            await FinishStepAsync("failed");
        }
    }

    public void Dispose()
    {
        if (client.IsValueCreated)
        {
            client.Value.Dispose();
        }

        if (raw.IsValueCreated)
        {
            raw.Value.Dispose();
        }
    }

    /// <summary>Loads the kubeconfig as kubectl does, honouring <c>--kubeconfig</c>, <c>--context</c> and <c>-n</c>.</summary>
    private KubeConfig LoadConfig()
    {
        try
        {
            return KubeConfig.Load(new KubeConfigLoadOptions
            {
                KubeconfigPath = parse.GetValue(options.Kubeconfig),
                Context = parse.GetValue(options.Context),
                Namespace = parse.GetValue(options.Namespace) is { Length: > 0 } ns ? ns : null,
                GetEnvironmentVariable = Environment.GetEnvironmentVariable,
                TimeProvider = Environment.Clock,
            });
        }
        catch (KubeConfigException e)
        {
            throw new CommandFailedException($"kubeconfig: {e.Message}", e);
        }
    }
}
