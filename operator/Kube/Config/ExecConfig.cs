namespace Kube.Config;

/// <summary>An exec credential plugin as configured under <c>users[].user.exec</c>.</summary>
/// <param name="ApiVersion">The ExecCredential version the plugin speaks, e.g. <c>client.authentication.k8s.io/v1</c>.</param>
/// <param name="Command">The program to run; a relative path with a slash resolves against the kubeconfig's folder.</param>
/// <param name="Arguments">Passed as a list, never joined into one string.</param>
/// <param name="Environment">Added to the plugin's environment.</param>
public sealed record ExecConfig(
    string ApiVersion,
    string Command,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Shown when the command cannot be started, e.g. how to install it.</summary>
    public string? InstallHint { get; init; }

    /// <summary>Whether <c>KUBERNETES_EXEC_INFO</c> carries the cluster's server and CA.</summary>
    public bool ProvideClusterInfo { get; init; }

    /// <summary>The folder that relative commands resolve against; null for in-memory configuration.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The user entry this plugin belongs to, for error messages.</summary>
    public string? UserName { get; init; }
}
