using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Kube.Testing.Schema;

/// <summary>Checks the OpenAPI <c>format</c> values Kubernetes validates; unknown formats pass, as in Kubernetes.</summary>
internal static partial class FormatChecker
{
    public static bool IsValid(string format, string value) => format switch
    {
        "date-time" or "datetime" => DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFFFK"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "byte" => IsBase64(value),
        "hostname" => value.Length <= 253 && HostnamePattern().IsMatch(value),
        "ipv4" => IPAddress.TryParse(value, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && value.Count(c => c == '.') == 3,
        "ipv6" => IPAddress.TryParse(value, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6,
        "cidr" => IPNetwork.TryParse(value, out _),
        "uuid" => UuidPattern().IsMatch(value),
        "email" => EmailPattern().IsMatch(value),
        "uri" => Uri.TryCreate(value, UriKind.Absolute, out _),
        "duration" => DurationPattern().IsMatch(value),
        _ => true,
    };

    /// <summary>Whether a whole number fits an integer format (<c>int32</c>, <c>int64</c>).</summary>
    public static bool FitsInteger(string? format, double value) => format switch
    {
        "int32" => value is >= int.MinValue and <= int.MaxValue,
        "int64" => value is >= long.MinValue and <= long.MaxValue,
        _ => true,
    };

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HostnamePattern();

    [GeneratedRegex("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
