using Kube.Testing.Server;
using System.Text.Json.Nodes;

namespace Kube.Testing.Tests.Apply;

/// <summary>A schema that knows only the list and map semantics a test declares, keyed by dotted field path.</summary>
internal sealed class StubSchema : IResourceSchema
{
    public Dictionary<string, string[]> MapKeys { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Sets { get; } = new(StringComparer.Ordinal);
    public HashSet<string> AtomicMaps { get; } = new(StringComparer.Ordinal);
    public bool StatusSubresource { get; init; }

    public bool HasStatusSubresource => StatusSubresource;

    public IReadOnlyList<string>? ListMapKeys(IReadOnlyList<string> path) => MapKeys.GetValueOrDefault(string.Join('.', path));

    public bool IsSetList(IReadOnlyList<string> path) => Sets.Contains(string.Join('.', path));

    public bool IsAtomicMap(IReadOnlyList<string> path) => AtomicMaps.Contains(string.Join('.', path));

    public void ApplyDefaults(JsonObject obj)
    {
    }

    public void Prune(JsonObject obj)
    {
    }

    public IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old) => [];
}
