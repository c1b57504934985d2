using System.Globalization;

namespace Paas.Platform.Releases;

/// <summary>A Release's description in Heroku's words: "Deploy 1a2b3c4", "Set FOO, BAR config vars", "Rollback to v3".</summary>
public static class ReleaseDescriptions
{
    /// <summary>Heroku shows the short commit; seven characters as git abbreviates.</summary>
    public const int ShortShaLength = 7;

    /// <summary>The CRD's limit on spec.description.</summary>
    public const int MaxLength = 256;

    /// <summary>"Deploy 1a2b3c4" from a commit SHA or an image digest (repo@sha256:...).</summary>
    public static string Deploy(string commitOrImage)
    {
        ArgumentException.ThrowIfNullOrEmpty(commitOrImage);
        var at = commitOrImage.LastIndexOf(':');
        var hex = at >= 0 ? commitOrImage[(at + 1)..] : commitOrImage;
        return "Deploy " + hex[..Math.Min(ShortShaLength, hex.Length)];
    }

    public static string Rollback(int version) => string.Create(CultureInfo.InvariantCulture, $"Rollback to v{version}");

    /// <summary>
    /// "Set FOO, BAR config vars", "Remove FOO config vars", and for both at once "Set FOO, remove BAR config vars";
    /// a process type change alone is "Update process types". Null when nothing changed.
    /// </summary>
    public static string? Change(ConfigChange config, bool processTypesChanged)
    {
        ArgumentNullException.ThrowIfNull(config);
        var parts = new List<string>();
        if (config.Set.Count > 0)
        {
            parts.Add("Set " + string.Join(", ", config.Set));
        }

        if (config.Removed.Count > 0)
        {
            parts.Add((parts.Count == 0 ? "Remove " : "remove ") + string.Join(", ", config.Removed));
        }

        var text = parts.Count == 0 ? null : string.Join(", ", parts) + " config vars";
        if (processTypesChanged)
        {
            text = text is null ? "Update process types" : text + " and update process types";
        }

        return text is null ? null : Shorten(text);
    }

    private static string Shorten(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
}
