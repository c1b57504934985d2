namespace Kube.Auth;

/// <summary>Supplies the bearer token for each request; <c>forceRefresh</c> asks for a fresh one after a 401.</summary>
public interface IBearerTokenSource
{
    ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
