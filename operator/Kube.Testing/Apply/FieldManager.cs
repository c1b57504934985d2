using System.Text.Json.Nodes;
using Kube.Testing.Server;

namespace Kube.Testing.Apply;

/// <summary>Server-side apply and managed-fields bookkeeping, after https://kubernetes.io/docs/reference/using-api/server-side-apply/.</summary>
internal sealed class FieldManager : IFieldManager
{
    public FieldManagerResult Apply(ResourceContext resource, IResourceSchema schema, JsonObject? live, JsonObject applied, string manager, bool force, DateTimeOffset now)
    {
        var tracked = new TrackedFields(resource.Subresource, schema.HasStatusSubresource);
        var fields = new FieldSetBuilder(schema, tracked);
        var current = live ?? Identity(applied);
        var entries = ManagedFieldsCodec.Read(live);
        var appliedSet = fields.Build(applied);

        var conflicts = FindConflicts(entries, appliedSet, current, applied, manager, resource.Subresource);
        if (conflicts.Count > 0 && !force)
        {
            return new FieldManagerResult(null, conflicts.Select(c => new FieldConflict(c.Owner.Manager, FieldPath.Format(c.Path),
                c.Owner.Operation == ManagedFieldsEntry.UpdateOperation ? c.Owner.ApiVersion : null)).ToList());
        }

        var result = new ObjectMerger(schema, fields).MergeRoot(current, applied, tracked);
        var own = entries.FirstOrDefault(e => e.IsFor(manager, ManagedFieldsEntry.ApplyOperation, resource.Subresource));
        // Forcing takes the conflicting fields away from their owners; fields with equal values stay shared.
        var others = entries.Where(e => e != own).Select(e => e with
        {
            Fields = e.Fields.Except(PathsOf(conflicts.Where(c => c.Owner == e))),
        }).ToList();

        RemoveDroppedFields(result, own?.Fields.Except(appliedSet), others);

        var ownEntry = new ManagedFieldsEntry(manager, ManagedFieldsEntry.ApplyOperation, resource.ApiVersion,
            ManagedFieldsCodec.FormatTime(now), resource.Subresource, appliedSet);
        var next = new List<ManagedFieldsEntry>(others);
        next.Insert(own is null ? next.Count : entries.IndexOf(own), ownEntry);
        ManagedFieldsCodec.Write(result, ForgetMissing(next, result));
        return new FieldManagerResult(result, []);
    }

    public JsonObject Update(ResourceContext resource, IResourceSchema schema, JsonObject? live, JsonObject updated, string manager, DateTimeOffset now)
    {
        var tracked = new TrackedFields(resource.Subresource, schema.HasStatusSubresource);
        var fields = new FieldSetBuilder(schema, tracked);
        var result = updated.DeepClone().AsObject();
        var entries = StartingEntries(live, updated);

        var newSet = fields.Build(result);
        var changed = live is null ? newSet : ChangedFields(newSet, live, result);

        var next = entries.Select(e => e with { Fields = e.Fields.Except(changed) }).ToList();
        if (!changed.IsEmpty)
        {
            var own = next.FindIndex(e => e.IsFor(manager, ManagedFieldsEntry.UpdateOperation, resource.Subresource));
            var time = ManagedFieldsCodec.FormatTime(now);
            if (own < 0)
            {
                next.Add(new ManagedFieldsEntry(manager, ManagedFieldsEntry.UpdateOperation, resource.ApiVersion, time, resource.Subresource, changed));
            }
            else
            {
                next[own] = next[own] with { ApiVersion = resource.ApiVersion, Time = time, Fields = next[own].Fields.Union(changed) };
            }
        }
        ManagedFieldsCodec.Write(result, ForgetMissing(next, result));
        return result;
    }

    // A client may replace managedFields by sending different ones (an empty entry clears them); otherwise the live ones stand.
    private static List<ManagedFieldsEntry> StartingEntries(JsonObject? live, JsonObject updated)
    {
        var sent = updated["metadata"]?["managedFields"] as JsonArray;
        var stored = live?["metadata"]?["managedFields"] as JsonArray;
        return sent is not null && !JsonNode.DeepEquals(sent, stored) ? ManagedFieldsCodec.Read(sent) : ManagedFieldsCodec.Read(stored);
    }

    private static FieldSet ChangedFields(FieldSet newSet, JsonObject live, JsonObject updated)
    {
        var changed = new FieldSet();
        foreach (var path in newSet.Members())
        {
            var existed = FieldPath.TryGet(live, path, out var before);
            FieldPath.TryGet(updated, path, out var after);
            if (!existed || (!IsItem(path) && !JsonNode.DeepEquals(before, after)))
            {
                changed.Add(path);
            }
        }
        return changed;
    }

    private static List<Conflict> FindConflicts(List<ManagedFieldsEntry> entries, FieldSet appliedSet, JsonObject live, JsonObject applied, string manager, string? subresource)
    {
        var conflicts = new List<Conflict>();
        foreach (var path in appliedSet.Members().Where(path => !IsItem(path)))
        {
            FieldPath.TryGet(applied, path, out var wanted);
            var exists = FieldPath.TryGet(live, path, out var actual);
            if (exists && JsonNode.DeepEquals(wanted, actual))
            {
                continue; // the same value is shared ownership, not a conflict
            }
            conflicts.AddRange(entries
                .Where(e => !e.IsFor(manager, ManagedFieldsEntry.ApplyOperation, subresource) && e.Fields.Contains(path))
                .Select(e => new Conflict(e, path)));
        }
        return conflicts;
    }

    private static void RemoveDroppedFields(JsonObject result, FieldSet? dropped, List<ManagedFieldsEntry> others)
    {
        if (dropped is null)
        {
            return;
        }
        // Parents first: a removed item takes its fields with it, and its key fields still identify it.
        foreach (var path in dropped.Members().OrderBy(path => path.Count))
        {
            var ownedElsewhere = IsItem(path)
                ? others.Any(e => e.Fields.ContainsAtOrBelow(path))
                : others.Any(e => e.Fields.Contains(path));
            if (!ownedElsewhere)
            {
                FieldPath.Remove(result, path);
            }
        }
    }

    // Ownership of a field that no longer exists is meaningless; entries left empty disappear.
    private static IEnumerable<ManagedFieldsEntry> ForgetMissing(List<ManagedFieldsEntry> entries, JsonObject result) =>
        entries.Select(e => e with { Fields = FilterExisting(e.Fields, result) }).Where(e => !e.Fields.IsEmpty);

    private static FieldSet FilterExisting(FieldSet set, JsonObject obj)
    {
        var kept = new FieldSet();
        foreach (var path in set.Members().Where(path => FieldPath.TryGet(obj, path, out _)))
        {
            kept.Add(path);
        }
        return kept;
    }

    private static FieldSet PathsOf(IEnumerable<Conflict> conflicts)
    {
        var set = new FieldSet();
        foreach (var conflict in conflicts)
        {
            set.Add(conflict.Path);
        }
        return set;
    }

    private static bool IsItem(IReadOnlyList<string> path) =>
        path.Count > 0 && !path[^1].StartsWith(FieldPath.FieldPrefix, StringComparison.Ordinal);

    private static JsonObject Identity(JsonObject applied) => new()
    {
        ["apiVersion"] = applied["apiVersion"]?.DeepClone(),
        ["kind"] = applied["kind"]?.DeepClone(),
        ["metadata"] = applied["metadata"]?.DeepClone() ?? new JsonObject(),
    };

    private sealed record Conflict(ManagedFieldsEntry Owner, IReadOnlyList<string> Path);
}
