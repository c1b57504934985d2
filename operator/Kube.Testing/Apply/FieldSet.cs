using System.Text.Json.Nodes;

namespace Kube.Testing.Apply;

/// <summary>A set of field paths, stored as a tree keyed by Kubernetes path elements (<c>f:name</c>, <c>k:{...}</c>, <c>v:...</c>).</summary>
internal sealed class FieldSet
{
    private const string Self = ".";
    private readonly SortedDictionary<string, FieldSet> _children = new(StringComparer.Ordinal);

    /// <summary>Whether the path ending at this node is itself in the set (<c>.</c> in FieldsV1).</summary>
    public bool IsMember { get; private set; }

    public bool IsEmpty => !IsMember && _children.Count == 0;

    public void Add(IReadOnlyList<string> path)
    {
        var node = this;
        foreach (var element in path)
        {
            if (!node._children.TryGetValue(element, out var child))
            {
                child = new FieldSet();
                node._children.Add(element, child);
            }
            node = child;
        }
        node.IsMember = true;
    }

    public bool Contains(IReadOnlyList<string> path) => Find(path) is { IsMember: true };

    /// <summary>Whether the path or anything below it is in the set.</summary>
    public bool ContainsAtOrBelow(IReadOnlyList<string> path) => Find(path) is { IsEmpty: false };

    /// <summary>Every member path, parents before their children.</summary>
    public IEnumerable<IReadOnlyList<string>> Members()
    {
        var found = new List<IReadOnlyList<string>>();
        Collect(new List<string>(), found);
        return found;
    }

    public FieldSet Union(FieldSet other)
    {
        var result = Copy();
        foreach (var path in other.Members())
        {
            result.Add(path);
        }
        return result;
    }

    public FieldSet Except(FieldSet other) => Filter(path => !other.Contains(path));

    public FieldSet Copy() => Filter(_ => true);

    /// <summary>The Kubernetes FieldsV1 form: nested objects keyed by path element, <c>"."</c> marking a member with children.</summary>
    public JsonObject ToFieldsV1()
    {
        var json = new JsonObject();
        foreach (var (element, child) in _children)
        {
            var childJson = child.ToFieldsV1();
            if (child.IsMember && child._children.Count > 0)
            {
                childJson.Insert(0, Self, new JsonObject());
            }
            json[element] = childJson;
        }
        return json;
    }

    public static FieldSet FromFieldsV1(JsonObject? fieldsV1)
    {
        var set = new FieldSet();
        if (fieldsV1 is not null)
        {
            set.Read(fieldsV1, new List<string>());
        }
        return set;
    }

    private void Read(JsonObject json, List<string> path)
    {
        foreach (var (element, value) in json)
        {
            if (element == Self)
            {
                Add(path);
                continue;
            }
            path.Add(element);
            if (value is JsonObject childJson && childJson.Count > 0)
            {
                Read(childJson, path);
            }
            else
            {
                Add(path);
            }
            path.RemoveAt(path.Count - 1);
        }
    }

    private FieldSet Filter(Func<IReadOnlyList<string>, bool> keep)
    {
        var result = new FieldSet();
        foreach (var path in Members())
        {
            if (keep(path))
            {
                result.Add(path);
            }
        }
        return result;
    }

    private FieldSet? Find(IReadOnlyList<string> path)
    {
        var node = this;
        foreach (var element in path)
        {
            if (!node._children.TryGetValue(element, out node))
            {
                return null;
            }
        }
        return node;
    }

    private void Collect(List<string> prefix, List<IReadOnlyList<string>> found)
    {
        if (IsMember)
        {
            found.Add(prefix.ToArray());
        }
        foreach (var (element, child) in _children)
        {
            prefix.Add(element);
            child.Collect(prefix, found);
            prefix.RemoveAt(prefix.Count - 1);
        }
    }
}
