namespace Kube.Auth;

/// <summary>
/// A token read from a file that rotates (projected service-account tokens, <c>tokenFile</c>): re-read once
/// <see cref="RereadInterval"/> has passed and whenever the server answers 401.
/// </summary>
public sealed class TokenFileSource(string path, TimeProvider timeProvider) : IBearerTokenSource
{
    private readonly Lock _gate = new();
    private string? _token;
    private DateTimeOffset _readAt;

    /// <summary>The kubelet rotates projected tokens well before expiry; a minute keeps us close behind it.</summary>
    public static TimeSpan RereadInterval { get; } = TimeSpan.FromMinutes(1);

    public string Path { get; } = path;

    public async ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!forceRefresh && _token is not null && now - _readAt < RereadInterval)
            {
                return _token;
            }
        }

        string token;
        try
        {
            token = (await File.ReadAllTextAsync(Path, cancellationToken)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Config.KubeConfigException($"{Path}: the bearer token file cannot be read: {e.Message}", e);
        }

        lock (_gate)
        {
            _token = token;
            _readAt = now;
        }

        return token;
    }
}
