using System.Globalization;

namespace Paas.Cli.Output;

/// <summary>How long ago something happened, in kubectl's short form: <c>45s</c>, <c>12m</c>, <c>3h</c>, <c>9d</c>.</summary>
public static class Ages
{
    public static string Since(DateTimeOffset? then, DateTimeOffset now)
    {
        if (then is not { } start)
        {
            return "-";
        }

        var age = now - start;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalMinutes < 1 ? Whole(age.TotalSeconds) + "s"
            : age.TotalHours < 1 ? Whole(age.TotalMinutes) + "m"
            : age.TotalDays < 2 ? Whole(age.TotalHours) + "h"
            : Whole(age.TotalDays) + "d";
    }

    private static string Whole(double value) => ((long)Math.Floor(value)).ToString(CultureInfo.InvariantCulture);
}
