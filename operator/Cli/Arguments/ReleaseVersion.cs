using System.Globalization;
using Paas.Cli.Failures;

namespace Paas.Cli.Arguments;

/// <summary>A release version as users type it: <c>v3</c> or <c>3</c>.</summary>
public static class ReleaseVersion
{
    public static int Parse(string argument)
    {
        var digits = argument.Trim().TrimStart('v', 'V');
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : throw new UsageException($"VERSION: \"{argument}\" is not a release version; give it as v3 or 3 (list them with `paas releases -a APP`)");
    }

    public static string Format(int version) => "v" + version.ToString(CultureInfo.InvariantCulture);

    public static string Format(int? version) => version is { } v ? Format(v) : "-";
}
