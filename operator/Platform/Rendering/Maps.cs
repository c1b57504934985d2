namespace Paas.Platform.Rendering;

/// <summary>Maps in ordinal key order, so serialized objects and golden files do not depend on insertion order.</summary>
internal static class Maps
{
    public static IReadOnlyDictionary<string, string> Sorted(params (string Key, string Value)[] entries)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }
}
