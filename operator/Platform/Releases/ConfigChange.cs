namespace Paas.Platform.Releases;

/// <summary>Which config vars a change set (added or new value) and which it removed, each sorted by name.</summary>
public sealed record ConfigChange(IReadOnlyList<string> Set, IReadOnlyList<string> Removed)
{
    public bool IsEmpty => Set.Count == 0 && Removed.Count == 0;

    public static ConfigChange Between(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var set = after
            .Where(pair => !before.TryGetValue(pair.Key, out var old) || old != pair.Value)
            .Select(pair => pair.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        var removed = before.Keys.Where(name => !after.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        return new ConfigChange(set, removed);
    }
}
