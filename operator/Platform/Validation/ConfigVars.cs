using System.Text;
using System.Text.RegularExpressions;

namespace Paas.Platform.Validation;

/// <summary>Heroku's config var rules: key shape and a 32 KB limit on keys and values together.</summary>
public static partial class ConfigVars
{
    /// <summary>Heroku's limit on all config var keys and values of an App together, in UTF-8 bytes.</summary>
    public const int MaxTotalBytes = 32 * 1024;

    public const string KeyRule = "config var keys may contain only letters, digits and underscores (^[A-Za-z0-9_]+$)";

    public static bool IsValidKey(string key) => Key().IsMatch(key);

    /// <summary>All errors of a config map at <paramref name="field"/>: each bad key, then the total size.</summary>
    public static IEnumerable<ValidationError> Check(string field, IReadOnlyDictionary<string, string>? config)
    {
        if (config is null)
        {
            yield break;
        }

        foreach (var key in config.Keys.Order(StringComparer.Ordinal))
        {
            if (!IsValidKey(key))
            {
                yield return ValidationError.Invalid(field, Quote.Of(key), KeyRule, $"rename it, e.g. {Quote.Of(Suggest(key))}", "key");
            }
        }

        var total = TotalBytes(config);
        if (total > MaxTotalBytes)
        {
            yield return ValidationError.Because(
                field,
                $"config vars take {total} bytes (keys and values, UTF-8), more than Heroku's limit of {MaxTotalBytes} bytes (32 KB)",
                "remove or shorten values; files and certificates belong in the image or in a mounted Secret, not in config vars");
        }
    }

    public static int TotalBytes(IReadOnlyDictionary<string, string> config) =>
        config.Sum(pair => Encoding.UTF8.GetByteCount(pair.Key) + Encoding.UTF8.GetByteCount(pair.Value ?? ""));

    private static string Suggest(string key)
    {
        var suggestion = NotAllowed().Replace(key.Trim(), "_");
        return suggestion.Length == 0 ? "MY_VAR" : suggestion;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_]+\z")]
    private static partial Regex Key();

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex NotAllowed();
}
