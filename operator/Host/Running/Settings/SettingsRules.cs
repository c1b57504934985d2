using System.Text.RegularExpressions;
using Paas.Platform;

namespace Paas.Host.Running.Settings;

/// <summary>The checks across settings that the shape alone cannot express: sizes that must exist, quantities, ports.</summary>
internal static partial class SettingsRules
{
    public static IEnumerable<string> Check(PlatformSettings settings)
    {
        if (settings.DynoSizes.Find(settings.DefaultDynoSize) is null)
        {
            yield return $"defaultDynoSize: value \"{settings.DefaultDynoSize}\" is invalid: no such dyno size (the sizes are {string.Join(", ", settings.DynoSizes.Names)}); name one of them, or add it under dynoSizes.";
        }

        if (settings.MaxQuantity < 1)
        {
            yield return $"maxQuantity: value {settings.MaxQuantity} is invalid: it must be at least 1; Heroku's limit is 100.";
        }

        if (settings.Rendering.WebPort is < 1 or > 65535)
        {
            yield return $"rendering.webPort: value {settings.Rendering.WebPort} is invalid: a port is 1 to 65535; 5000 is Heroku's local default.";
        }

        if (settings.Builds.SourcePollSeconds is < 10 or > 86400)
        {
            yield return $"builds.sourcePollSeconds: value {settings.Builds.SourcePollSeconds} is invalid: poll every 10 to 86400 seconds; 60 is the default.";
        }

        if (settings.DynoCycling.Period < TimeSpan.FromHours(1))
        {
            yield return $"dynoCycling.period: value {DurationConverter.Format(settings.DynoCycling.Period)} is invalid: dynos run at least 1h between restarts; Heroku's period is 24h (set dynoCycling.enabled: false to turn cycling off).";
        }

        if (settings.DynoCycling.MaxJitter < TimeSpan.Zero || settings.DynoCycling.MaxJitter > settings.DynoCycling.Period)
        {
            yield return $"dynoCycling.maxJitter: value {DurationConverter.Format(settings.DynoCycling.MaxJitter)} is invalid: it is 0 to dynoCycling.period ({DurationConverter.Format(settings.DynoCycling.Period)}); Heroku's is 216m.";
        }

        for (var i = 0; i < settings.DynoSizes.Sizes.Count; i++)
        {
            var size = settings.DynoSizes.Sizes[i];
            foreach (var (key, value) in new[] { ("memory", size.Memory), ("cpuRequest", size.CpuRequest), ("cpuLimit", size.CpuLimit) })
            {
                if (!Quantity().IsMatch(value ?? ""))
                {
                    yield return $"dynoSizes ({size.Name}).{key}: value \"{value}\" is invalid: not a Kubernetes quantity; write it like 512Mi or 1Gi (memory) or 250m or 1 (CPU).";
                }
            }
        }
    }

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$")]
    private static partial Regex Quantity();
}
