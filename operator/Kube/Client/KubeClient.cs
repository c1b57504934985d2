using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Kube.Models;

namespace Kube.Client;

/// <summary>
/// The typed Kubernetes client over HttpClient and source-generated JSON. Build one with <see cref="KubeClientFactory"/>,
/// or from any handler (tests pass a fake one); <see cref="Dynamic"/> gives the untyped API on the same connection.
/// </summary>
public sealed class KubeClient : IKubeClient, IDisposable
{
    private readonly ResourceCalls _calls;
    private readonly bool _omitManagedFieldsFromCollections;
    private readonly JsonSerializerOptions _collectedJson;

    /// <param name="handler">The HTTP handler chain (TLS and auth); the client owns and disposes it.</param>
    /// <param name="server">The API server's base address.</param>
    /// <param name="options">Serialization, timeouts and retries.</param>
    public KubeClient(HttpMessageHandler handler, Uri server, KubeClientOptions? options = null)
    {
        options ??= new KubeClientOptions();
        _calls = new ResourceCalls(new KubeTransport(handler, server, options), options.DefaultFieldManager);
        _omitManagedFieldsFromCollections = options.OmitManagedFieldsFromListsAndWatches;
        _collectedJson = _omitManagedFieldsFromCollections ? WithoutManagedFields(_calls.Transport.Json) : _calls.Transport.Json;
        Dynamic = new DynamicKubeClient(_calls);
    }

    /// <summary>The same client for resources known only at run time, as JSON objects.</summary>
    public IDynamicKubeClient Dynamic { get; }

    public Uri Server => _calls.Transport.Server;

    /// <summary>The serializer options in use; they resolve Kube.Models types and those of the configured contexts.</summary>
    public JsonSerializerOptions JsonOptions => _calls.Transport.Json;

    public async Task<T> GetAsync<T>(string name, string? @namespace, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> =>
        Materialize<T>(await _calls.GetAsync(T.Resource, name, @namespace, cancellationToken));

    public async Task<T?> TryGetAsync<T>(string name, string? @namespace, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
    {
        try
        {
            return await GetAsync<T>(name, @namespace, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public async Task<KubeList<T>> ListAsync<T>(string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
    {
        var request = ResourceCalls.ListRequest(T.Resource, @namespace, options);
        using var response = await _calls.Transport.SendForStreamAsync(request, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await ListReader<T>.ReadAsync(body, request.ToString(), MaterializeCollected<T>, cancellationToken);
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(
        string? @namespace, WatchOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
    {
        var request = ResourceCalls.WatchRequest(T.Resource, @namespace, options);
        using var response = await _calls.Transport.OpenStreamAsync(request, cancellationToken);
        await foreach (var change in WatchStream.ReadAsync<T>(response, request.ToString(), ReadCollected<T>, cancellationToken))
        {
            yield return change;
        }
    }

    public async Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> =>
        Materialize<T>(await _calls.CreateAsync(T.Resource, ToJson(obj), dryRun: false, cancellationToken));

    public async Task<T> ReplaceAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> =>
        Materialize<T>(await _calls.ReplaceAsync(T.Resource, ToJson(obj), subresource: null, dryRun: false, cancellationToken));

    public async Task<T> ReplaceStatusAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> =>
        Materialize<T>(await _calls.ReplaceAsync(T.Resource, ToJson(obj), "status", dryRun: false, cancellationToken));

    public async Task<T> ApplyAsync<T>(T obj, ApplyOptions options, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> =>
        Materialize<T>(await _calls.ApplyAsync(T.Resource, ToJson(obj), options, subresource: null, cancellationToken));

    public async Task<T> ApplyStatusAsync<T>(T obj, ApplyOptions options, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> =>
        Materialize<T>(await _calls.ApplyAsync(T.Resource, ToJson(obj), options, "status", cancellationToken));

    public async Task<T> MergePatchAsync<T>(
        string name, string? @namespace, JsonNode patch, string? subresource = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> =>
        Materialize<T>(await _calls.MergePatchAsync(T.Resource, name, @namespace, patch, subresource, cancellationToken));

    public Task DeleteAsync<T>(string name, string? @namespace, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T> =>
        _calls.DeleteAsync(T.Resource, name, @namespace, options, cancellationToken);

    public void Dispose() => _calls.Transport.Dispose();

    private T Materialize<T>(JsonObject obj)
        where T : class, IKubernetesObject<T> =>
        ResourceCalls.WithTypeFields(obj, T.Resource).Deserialize(TypeInfo<T>())
            ?? throw new InvalidDataException($"The server sent null for a {T.Resource.Kind}");

    /// <summary>An object from a list or watch, without managedFields when the options say so.</summary>
    private T MaterializeCollected<T>(JsonObject obj)
        where T : class, IKubernetesObject<T>
    {
        if (_omitManagedFieldsFromCollections && obj["metadata"] is JsonObject metadata)
        {
            metadata.Remove("managedFields");
        }

        return Materialize<T>(obj);
    }

    /// <summary>
    /// A watched object straight from its bytes, without a JSON tree in between. The API server names apiVersion and
    /// kind in watch events; an object without them takes the slower path that fills them in from the resource type.
    /// </summary>
    private T ReadCollected<T>(ReadOnlySpan<byte> json, out string? resourceVersion)
        where T : class, IKubernetesObject<T>
    {
        var obj = JsonSerializer.Deserialize(json, (JsonTypeInfo<T>)_collectedJson.GetTypeInfo(typeof(T)));
        if (obj is null || obj.ApiVersion is null || obj.Kind is null)
        {
            obj = MaterializeCollected<T>(JsonNode.Parse(json) as JsonObject ?? throw new JsonException("the object is not a JSON object"));
        }

        resourceVersion = obj.Metadata.ResourceVersion;
        return obj;
    }

    /// <summary>Options that skip <c>metadata.managedFields</c> while reading, as if the server had not sent them.</summary>
    private static JsonSerializerOptions WithoutManagedFields(JsonSerializerOptions options)
    {
        var lean = new JsonSerializerOptions(options)
        {
            TypeInfoResolver = options.TypeInfoResolver!.WithAddedModifier(info =>
            {
                // ObjectMeta binds through its constructor, so the property stays and its value is skipped instead.
                if (info.Type == typeof(ObjectMeta) && info.Properties.FirstOrDefault(p => p.Name == "managedFields") is { } managedFields)
                {
                    managedFields.CustomConverter = SkippedManagedFields.Instance;
                }
            }),
        };
        lean.MakeReadOnly();
        return lean;
    }

    private JsonObject ToJson<T>(T obj)
        where T : class, IKubernetesObject<T> =>
        ResourceCalls.WithTypeFields(
            JsonSerializer.SerializeToNode(obj, TypeInfo<T>()) as JsonObject
                ?? throw new ArgumentException($"A {T.Resource.Kind} must serialize to a JSON object", nameof(obj)),
            T.Resource);

    private JsonTypeInfo<T> TypeInfo<T>() => _calls.Transport.TypeInfo<T>();
}
