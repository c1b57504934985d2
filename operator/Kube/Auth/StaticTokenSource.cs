namespace Kube.Auth;

/// <summary>A fixed token, as given by a kubeconfig's <c>token</c> field.</summary>
public sealed class StaticTokenSource(string token) : IBearerTokenSource
{
    public ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => ValueTask.FromResult(token);
}
