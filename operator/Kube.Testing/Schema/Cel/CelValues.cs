using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kube.Testing.Schema.Cel;

/// <summary>CEL values as .NET values: null, bool, long, double, string, lists (<c>List&lt;object?&gt;</c>) and maps (<c>Dictionary&lt;object, object?&gt;</c>).</summary>
internal static class CelValues
{
    /// <summary>Converts JSON to CEL values; whole numbers become ints so integer fields do int arithmetic.</summary>
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(pair => (object)pair.Key, pair => FromJson(pair.Value)),
        JsonArray array => array.Select(FromJson).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => JsonNumber.TryAsLong(value, out var whole) ? (object)whole : JsonNumber.AsDouble(value),
            _ => null,
        },
        _ => null,
    };

    public static bool AreEqual(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (long a, long b) => a == b,
        (long or double, long or double) => ToDouble(left) == ToDouble(right),
        (List<object?> a, List<object?> b) => a.Count == b.Count && a.Zip(b).All(pair => AreEqual(pair.First, pair.Second)),
        (Dictionary<object, object?> a, Dictionary<object, object?> b) =>
            a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && AreEqual(pair.Value, other)),
        _ => left.Equals(right),
    };

    public static int Compare(object? left, object? right) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (long or double, long or double) => ToDouble(left).CompareTo(ToDouble(right)),
        (string a, string b) => string.CompareOrdinal(a, b),
        (bool a, bool b) => a.CompareTo(b),
        _ => throw new CelException($"no such overload: {TypeName(left)} < {TypeName(right)}"),
    };

    public static string TypeName(object? value) => value switch
    {
        null => "null_type",
        bool => "bool",
        long => "int",
        double => "double",
        string => "string",
        List<object?> => "list",
        Dictionary<object, object?> => "map",
        _ => value.GetType().Name,
    };

    public static string Format(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => s,
        List<object?> list => "[" + string.Join(", ", list.Select(Format)) + "]",
        Dictionary<object, object?> map => "{" + string.Join(", ", map.Select(pair => $"{Format(pair.Key)}: {Format(pair.Value)}")) + "}",
        _ => value.ToString() ?? "",
    };

    private static double ToDouble(object? value) => value is long l ? l : (double)value!;
}
