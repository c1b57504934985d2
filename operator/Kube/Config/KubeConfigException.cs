namespace Kube.Config;

/// <summary>A kubeconfig or in-cluster configuration is missing, malformed or incomplete; the message names the file, the entry and the field.</summary>
public sealed class KubeConfigException : Exception
{
    public KubeConfigException(string message)
        : base(message)
    {
    }

    public KubeConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
