using System.Globalization;

namespace Kube.Testing.Tables;

/// <summary>Formats ages the way kubectl shows them: 45s, 3m12s, 15m, 5h10m, 3d, 2y.</summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan age)
    {
        static string I(double v) => ((long)v).ToString(CultureInfo.InvariantCulture);
        var seconds = Math.Max(0, age.TotalSeconds);
        if (seconds < 120)
            return I(seconds) + "s";
        var minutes = seconds / 60;
        if (minutes < 10)
            return $"{I(minutes)}m{I(seconds % 60)}s";
        if (minutes < 180)
            return I(minutes) + "m";
        var hours = minutes / 60;
        if (hours < 8)
            return $"{I(hours)}h{I(minutes % 60)}m";
        if (hours < 48)
            return I(hours) + "h";
        var days = hours / 24;
        if (days < 8)
            return $"{I(days)}d{I(hours % 24)}h";
        if (days < 365 * 2)
            return I(days) + "d";
        return I(days / 365) + "y";
    }
}
