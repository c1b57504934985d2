using System.Globalization;

namespace Paas.Platform.Releases;

/// <summary>Release object names, <c>&lt;app&gt;-v&lt;N&gt;</c>.</summary>
public static class ReleaseNames
{
    public static string For(string appName, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{appName}-v{version}");
}
