using System.Globalization;

namespace Paas.Platform.Releases;

/// <summary>Release object names, <c>&lt;app&gt;-v&lt;N&gt;</c>, and the labels and annotations the ledger relies on.</summary>
public static class ReleaseNames
{
    /// <summary>On every object the operator creates for an App, Releases included; its value is the App's name.</summary>
    public const string AppLabel = "paas.dev/app";

    /// <summary>What caused a Release (a config hash, a build, a rollback), so a retry can recognise its own earlier success.</summary>
    public const string IntentAnnotation = "paas.dev/release-intent";

    public static string For(string appName, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{appName}-v{version}");
}
