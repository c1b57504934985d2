using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;

namespace Paas.Bench.Foundation;

/// <summary>
/// A client whose lists come back empty at a chosen resourceVersion, so an informer's first watch replays every event
/// written since then: the benchmark measures delivery alone, not the server's write rate.
/// </summary>
internal sealed class ListStartingAt(IKubeClient inner, string resourceVersion) : IKubeClient
{
    public Task<KubeList<T>> ListAsync<T>(string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> =>
        Task.FromResult(new KubeList<T> { Metadata = new ListMeta { ResourceVersion = resourceVersion } });

    public IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? @namespace, WatchOptions options, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> => inner.WatchAsync<T>(@namespace, options, cancellationToken);

    public Task<T> GetAsync<T>(string name, string? @namespace, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> => inner.GetAsync<T>(name, @namespace, cancellationToken);

    public Task<T?> TryGetAsync<T>(string name, string? @namespace, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> => inner.TryGetAsync<T>(name, @namespace, cancellationToken);

    public Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> => inner.CreateAsync(obj, cancellationToken);

    public Task<T> ReplaceAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> => inner.ReplaceAsync(obj, cancellationToken);

    public Task<T> ReplaceStatusAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> => inner.ReplaceStatusAsync(obj, cancellationToken);

    public Task<T> ApplyAsync<T>(T obj, ApplyOptions options, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> => inner.ApplyAsync(obj, options, cancellationToken);

    public Task<T> ApplyStatusAsync<T>(T obj, ApplyOptions options, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> => inner.ApplyStatusAsync(obj, options, cancellationToken);

    public Task<T> MergePatchAsync<T>(string name, string? @namespace, JsonNode patch, string? subresource = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> => inner.MergePatchAsync<T>(name, @namespace, patch, subresource, cancellationToken);

    public Task DeleteAsync<T>(string name, string? @namespace, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> => inner.DeleteAsync<T>(name, @namespace, options, cancellationToken);
}
