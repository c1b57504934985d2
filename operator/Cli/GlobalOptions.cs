using System.CommandLine;

namespace Paas.Cli;

/// <summary>The options every <c>paas</c> command accepts: where the cluster is, which namespace, which App.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "Path of a kubeconfig file (default: KUBECONFIG, else ~/.kube/config).",
        Recursive = true,
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "The kubeconfig context to use instead of its current-context.",
        Recursive = true,
    };

    public Option<string?> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "The team's namespace (default: the context's namespace, else default).",
        Recursive = true,
    };

    public Option<string?> App { get; } = new("--app", "-a")
    {
        Description = "The App to act on.",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Kubeconfig, Context, Namespace, App];
}
