namespace Kube.Auth;

/// <summary>HTTP basic authentication from a kubeconfig's <c>username</c> and <c>password</c>.</summary>
public sealed record BasicCredentials(string Username, string Password)
{
    /// <summary>Keeps the password out of logs and exception messages.</summary>
    public override string ToString() => $"BasicCredentials {{ Username = {Username} }}";
}
