using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Kube.Client;
using Kube.Models;

namespace Kube.Runtime.Tests.Support;

/// <summary>
/// An in-memory IKubeClient for unit tests. It imitates: resourceVersions (one counter), 409 on a stale
/// resourceVersion in a replace or in a merge patch's metadata, 404, AlreadyExists, paged lists (continue = offset).
/// It does NOT imitate: label or field selectors, generation, deletion with finalizers, server-side apply, or watches
/// driven by writes; watch streams are scripted by the test through <see cref="EnqueueWatch"/>.
/// </summary>
internal sealed class FakeKubeClient : IKubeClient
{
    private static readonly JsonSerializerOptions Json = new(KubeJson.CreateOptions())
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(KubeJsonContext.Default, TestJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    private readonly Lock sync = new();
    private readonly Dictionary<(ResourceType Type, string? Namespace, string Name), IKubernetesObject> objects = [];
    private readonly Channel<FakeWatch> watches = Channel.CreateUnbounded<FakeWatch>();
    private readonly ConcurrentQueue<Exception> listFailures = new();
    private long resourceVersion = 100;

    public List<ListOptions> ListCalls { get; } = [];

    public List<FakeWatch> OpenedWatches { get; } = [];

    public List<(string Name, string? Namespace, JsonNode Patch)> Patches { get; } = [];

    public List<IKubernetesObject> Created { get; } = [];

    /// <summary>Called before every write and read with the operation name (get, create, replace, patch, delete); return an exception to fail it.</summary>
    public Func<string, Exception?>? Fault { get; set; }

    public string CurrentResourceVersion => Interlocked.Read(ref resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void EnqueueWatch(FakeWatch watch) => watches.Writer.TryWrite(watch);

    public void FailNextList(Exception exception) => listFailures.Enqueue(exception);

    /// <summary>Stores an object as the server would (new resourceVersion) and returns the stored copy.</summary>
    public T Put<T>(T obj)
        where T : class, IKubernetesObject<T>
    {
        lock (sync)
        {
            var stored = WithResourceVersion(obj);
            objects[Key(stored)] = stored;
            return stored;
        }
    }

    public void Remove<T>(string name, string? @namespace)
        where T : class, IKubernetesObject<T>
    {
        lock (sync)
        {
            objects.Remove((T.Resource, @namespace, name));
        }
    }

    public T? Peek<T>(string name, string? @namespace)
        where T : class, IKubernetesObject<T>
    {
        lock (sync)
        {
            return objects.GetValueOrDefault((T.Resource, @namespace, name)) as T;
        }
    }

    public IReadOnlyList<T> All<T>()
        where T : class, IKubernetesObject<T>
    {
        lock (sync)
        {
            return [.. objects.Values.OfType<T>()];
        }
    }

    public Task<T> GetAsync<T>(string name, string? @namespace, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
        => TryGetAsync<T>(name, @namespace, cancellationToken)
            .ContinueWith(task => task.Result ?? throw NotFound(name), TaskScheduler.Default);

    public Task<T?> TryGetAsync<T>(string name, string? @namespace, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
    {
        MaybeFail("get");
        return Task.FromResult(Peek<T>(name, @namespace));
    }

    public Task<KubeList<T>> ListAsync<T>(string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
    {
        options ??= new ListOptions();
        lock (sync)
        {
            ListCalls.Add(options);
            if (listFailures.TryDequeue(out var failure))
            {
                throw failure;
            }

            var all = objects.Values.OfType<T>()
                .Where(obj => @namespace is null || obj.Metadata.Namespace == @namespace)
                .OrderBy(obj => obj.Metadata.Name, StringComparer.Ordinal)
                .ToList();
            var offset = options.Continue is { } token ? int.Parse(token, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var take = options.Limit ?? all.Count;
            var page = all.Skip(offset).Take(take).ToList();
            var next = offset + page.Count < all.Count ? (offset + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new KubeList<T>
            {
                Items = page,
                Metadata = new ListMeta { ResourceVersion = CurrentResourceVersion, Continue = next },
            });
        }
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(
        string? @namespace, WatchOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
    {
        var watch = await watches.Reader.ReadAsync(cancellationToken);
        watch.OpenedWith = options;
        lock (sync)
        {
            OpenedWatches.Add(watch);
        }

        try
        {
            await foreach (var step in watch.Steps.ReadAllAsync(cancellationToken))
            {
                switch (step)
                {
                    case Exception exception:
                        throw exception;
                    case FakeWatch.ErrorStep error:
                        yield return new WatchEvent<T> { Type = "ERROR", Error = error.Status };
                        break;
                    case FakeWatch.BookmarkStep bookmark:
                        yield return new WatchEvent<T> { Type = "BOOKMARK", ResourceVersion = bookmark.ResourceVersion };
                        break;
                    default:
                        yield return (WatchEvent<T>)step;
                        break;
                }
            }
        }
        finally
        {
            watch.Disposed = true;
        }
    }

    public Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
    {
        MaybeFail("create");
        lock (sync)
        {
            if (objects.ContainsKey(Key(obj)))
            {
                throw new AlreadyExistsException(new Status { Code = 409, Reason = "AlreadyExists" });
            }

            var stored = WithResourceVersion(obj);
            objects[Key(stored)] = stored;
            Created.Add(stored);
            return Task.FromResult(stored);
        }
    }

    public Task<T> ReplaceAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
    {
        MaybeFail("replace");
        lock (sync)
        {
            var existing = objects.GetValueOrDefault(Key(obj)) ?? throw NotFound(obj.Metadata.Name!);
            if (existing.Metadata.ResourceVersion != obj.Metadata.ResourceVersion)
            {
                throw Conflict(obj.Metadata.Name!);
            }

            var stored = WithResourceVersion(obj);
            objects[Key(stored)] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task<T> ReplaceStatusAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
        => ReplaceAsync(obj, cancellationToken);

    public Task<T> ApplyAsync<T>(T obj, ApplyOptions options, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
        => throw new NotSupportedException("The fake client does not imitate server-side apply.");

    public Task<T> ApplyStatusAsync<T>(T obj, ApplyOptions options, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
        => throw new NotSupportedException("The fake client does not imitate server-side apply.");

    public Task<T> MergePatchAsync<T>(string name, string? @namespace, JsonNode patch, string? subresource = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
    {
        MaybeFail("patch");
        lock (sync)
        {
            Patches.Add((name, @namespace, patch.DeepClone()));
            var existing = objects.GetValueOrDefault((T.Resource, @namespace, name)) ?? throw NotFound(name);
            if (patch["metadata"]?["resourceVersion"] is JsonValue expected && (string?)expected != existing.Metadata.ResourceVersion)
            {
                throw Conflict(name);
            }

            var merged = MergePatch.Apply(JsonSerializer.SerializeToNode(existing, typeof(T), Json), patch);
            var stored = WithResourceVersion(merged.Deserialize<T>(Json)!);
            objects[Key(stored)] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task DeleteAsync<T>(string name, string? @namespace, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
    {
        MaybeFail("delete");
        lock (sync)
        {
            if (!objects.Remove((T.Resource, @namespace, name)) && options?.IgnoreNotFound != true)
            {
                throw NotFound(name);
            }

            return Task.CompletedTask;
        }
    }

    private void MaybeFail(string operation)
    {
        if (Fault?.Invoke(operation) is { } exception)
        {
            throw exception;
        }
    }

    private T WithResourceVersion<T>(T obj)
        where T : class, IKubernetesObject<T>
    {
        var node = JsonSerializer.SerializeToNode(obj, Json)!;
        node["metadata"]!["resourceVersion"] = Interlocked.Increment(ref resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return node.Deserialize<T>(Json)!;
    }

    private static (ResourceType, string?, string) Key<T>(T obj)
        where T : class, IKubernetesObject<T>
        => (T.Resource, obj.Metadata.Namespace, obj.Metadata.Name!);

    private static NotFoundException NotFound(string name) =>
        new(new Status { Code = 404, Reason = "NotFound", Message = $"{name} not found" });

    private static ConflictException Conflict(string name) =>
        new(new Status { Code = 409, Reason = "Conflict", Message = $"{name} was modified; the resourceVersion is stale" });
}
