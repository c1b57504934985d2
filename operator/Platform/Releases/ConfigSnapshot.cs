using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Paas.Platform.Releases;

/// <summary>The resolved config vars a Release runs with, and the stable hash that names their immutable snapshot Secret.</summary>
public sealed record ConfigSnapshot
{
    /// <summary>Hex digits kept from the SHA-256: 64 bits, enough that two different configs of one App never meet.</summary>
    public const int HashLength = 16;

    private ConfigSnapshot(SortedDictionary<string, string> values, string hash)
    {
        Values = values;
        Hash = hash;
    }

    /// <summary>The config vars, sorted by name (ordinal).</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Lowercase hex of SHA-256 over the sorted names and values, shortened to <see cref="HashLength"/>.</summary>
    public string Hash { get; }

    public static ConfigSnapshot Empty { get; } = Of(new Dictionary<string, string>());

    public static ConfigSnapshot Of(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = new SortedDictionary<string, string>(values.ToDictionary(), StringComparer.Ordinal);
        return new ConfigSnapshot(sorted, HashOf(sorted));
    }

    /// <summary>The snapshot Secret's name: one per App and distinct config, so equal config reuses one Secret.</summary>
    public string SecretNameFor(string appName) => $"{appName}-config-{Hash[..10]}";

    public bool Equals(ConfigSnapshot? other) => other is not null && Hash == other.Hash;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Hash);

    private static string HashOf(SortedDictionary<string, string> values)
    {
        // Length prefixes make the encoding unambiguous: {"A":"B=C"} and {"A=B":"C"} hash differently.
        var text = new StringBuilder();
        foreach (var (name, value) in values)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name.Length}:{name}{value.Length}:{value}");
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(digest)[..HashLength];
    }
}
