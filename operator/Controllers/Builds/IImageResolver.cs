namespace Paas.Controllers.Builds;

/// <summary>Turns an image reference into one pinned by digest, as a Release needs.</summary>
public interface IImageResolver
{
    /// <summary>
    /// The image as <c>name@sha256:...</c>, or a refusal the user must fix (no such tag, access denied). Failures that
    /// may pass (connection refused, 5xx) throw <see cref="HttpRequestException"/> so the reconcile retries.
    /// </summary>
    Task<ImageResolution> ResolveAsync(string reference, CancellationToken cancellationToken);
}
