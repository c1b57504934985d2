using System.Globalization;
using System.Text.Json.Nodes;

namespace Kube.Testing.Schema;

/// <summary>Reads JSON numbers whatever backs the node (parsed text or a CLR int, long, double set in code).</summary>
// JsonValue refuses conversions between backing types (GetValue<long> on a double-backed 3.0 throws),
// and schemas arrive decoded from JSON or YAML or built in code, so every number is read through its JSON text.
internal static class JsonNumber
{
    /// <summary>The value as a double; the caller has checked that its kind is <see cref="System.Text.Json.JsonValueKind.Number"/>.</summary>
    public static double AsDouble(JsonValue value) => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The value as a long when it is a whole number in range (<c>2</c> and <c>2.0</c> both are).</summary>
    public static bool TryAsLong(JsonValue value, out long result)
    {
        var text = value.ToJsonString();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result))
        {
            return true;
        }
        var number = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (number == Math.Floor(number) && Math.Abs(number) < 9.2e18)
        {
            result = (long)number;
            return true;
        }
        return false;
    }
}
