using System.Text.Json.Nodes;
using Kube.Testing.Server;

namespace Kube.Testing.Schema;

/// <summary>The schema of one version of a custom resource, from its CRD's <c>openAPIV3Schema</c>.</summary>
internal sealed class CustomResourceSchema(SchemaNode root, bool hasStatusSubresource) : IResourceSchema
{
    public SchemaNode Root { get; } = root;

    public bool HasStatusSubresource { get; } = hasStatusSubresource;

    public void ApplyDefaults(JsonObject obj) => SchemaDefaulter.Apply(Root, obj);

    public void Prune(JsonObject obj) => SchemaPruner.PruneRoot(Root, obj);

    public IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old) => SchemaValidator.ValidateRoot(Root, obj, old);

    public IReadOnlyList<string>? ListMapKeys(IReadOnlyList<string> path) =>
        Find(path) is { ListType: "map", ListMapKeys.Count: > 0 } list ? list.ListMapKeys : BuiltInListKeys.For(path, "");

    public bool IsSetList(IReadOnlyList<string> path) => Find(path)?.ListType == "set" || BuiltInListKeys.IsSet(path);

    public bool IsAtomicMap(IReadOnlyList<string> path) => Find(path)?.MapType == "atomic";

    /// <summary>The schema at a path of field names, stepping through list items implicitly.</summary>
    public SchemaNode? Find(IReadOnlyList<string> path)
    {
        var node = Root;
        foreach (var name in path)
        {
            while (node.Items is { } items)
            {
                node = items;
            }
            if (node.Child(name) is not { } child)
            {
                return null;
            }
            node = child;
        }
        return node;
    }
}
