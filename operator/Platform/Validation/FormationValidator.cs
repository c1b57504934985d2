using System.Globalization;
using Paas.Platform.Api;
using Paas.Platform.Procfiles;

namespace Paas.Platform.Validation;

/// <summary>Checks a Formation: named like its App, process types well named, quantities within the platform's limit, sizes from its table.</summary>
public sealed class FormationValidator(PlatformSettings settings)
{
    public ValidationResult Validate(Formation formation)
    {
        ArgumentNullException.ThrowIfNull(formation);
        var findings = new Findings();
        var spec = formation.Spec;
        var appError = AppNames.Check("spec.app", spec.App);
        findings.Add(appError);
        if (appError is null && formation.Metadata.Name is { Length: > 0 } name && name != spec.App)
        {
            findings.Add(ValidationError.Invalid("metadata.name", Quote.Of(name), $"a Formation is named like its App, and spec.app is \"{spec.App}\"", $"name it \"{spec.App}\"", "name"));
        }

        var processes = spec.Processes ?? new Dictionary<string, ProcessFormation>();
        ProcessTypeMaps.CheckKeys("spec.processes", processes.Keys, appError is null ? spec.App : null, findings);
        foreach (var (type, process) in processes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            CheckProcess($"spec.processes.{type}", process ?? new ProcessFormation(), findings);
        }

        return findings.ToResult();
    }

    /// <summary>Checks the new object; spec.app cannot change.</summary>
    public ValidationResult ValidateUpdate(Formation old, Formation updated)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(updated);
        var findings = new Findings();
        findings.Include(Validate(updated));
        if (old.Spec.App != updated.Spec.App)
        {
            findings.Add(ValidationError.Invalid("spec.app", Quote.Of(updated.Spec.App), $"spec.app cannot change, this Formation scales \"{old.Spec.App}\"", "create a Formation for the other App instead"));
        }

        return findings.ToResult();
    }

    /// <summary>
    /// Checks that the Formation names only process types of the App's current release. Pass null when the App
    /// has no release yet: that is a warning, since the types cannot be known before the first deploy.
    /// </summary>
    public ValidationResult ValidateAgainstRelease(Formation formation, IReadOnlyCollection<string>? currentReleaseProcessTypes)
    {
        ArgumentNullException.ThrowIfNull(formation);
        var findings = new Findings();
        var names = formation.Spec.Processes?.Keys.Order(StringComparer.Ordinal).ToList() ?? [];
        if (currentReleaseProcessTypes is null)
        {
            if (names.Count > 0)
            {
                findings.Warn("spec.processes", "the App has no release yet, so its process types cannot be checked; they will be when it has one");
            }

            return findings.ToResult();
        }

        var known = currentReleaseProcessTypes.Select(ProcessTypeNames.ToKubernetesName).ToHashSet(StringComparer.Ordinal);
        var rule = currentReleaseProcessTypes.Count == 0
            ? "the App's current release defines no process types"
            : $"the App's current release has no such process type (it has: {string.Join(", ", currentReleaseProcessTypes.Order(StringComparer.Ordinal))})";
        var fix = currentReleaseProcessTypes.Count == 0 ? "deploy a Procfile that defines it" : "scale one of those, or deploy a Procfile that defines it";
        foreach (var name in names.Where(n => !known.Contains(ProcessTypeNames.ToKubernetesName(n))))
        {
            findings.Add(ValidationError.Invalid("spec.processes", Quote.Of(name), rule, fix, "process type"));
        }

        return findings.ToResult();
    }

    private void CheckProcess(string path, ProcessFormation process, Findings findings)
    {
        var max = settings.MaxQuantity;
        if (process.Quantity is { } quantity && (quantity < 0 || quantity > max))
        {
            var fix = quantity < 0 ? "use 0 to stop every dyno of this type" : "lower it, or ask the platform operator to raise the maximum";
            findings.Add(Number($"{path}.quantity", quantity, $"quantity must be between 0 and {max} (the platform's maximum)", fix));
        }

        if (process.Size is { } size && settings.DynoSizes.Find(size) is null)
        {
            var match = settings.DynoSizes.Names.FirstOrDefault(n => string.Equals(n, size, StringComparison.OrdinalIgnoreCase));
            var fix = match is not null ? $"write it as \"{match}\"" : "use one of them";
            findings.Add(ValidationError.Invalid($"{path}.size", Quote.Of(size), $"dyno sizes are {string.Join(", ", settings.DynoSizes.Names)}", fix, "size"));
        }

        if (process.Autoscale is { } autoscale)
        {
            CheckAutoscale($"{path}.autoscale", autoscale, findings);
            if (process.Quantity is not null)
            {
                findings.Warn($"{path}.quantity", "quantity is ignored while autoscale is set; remove one of them");
            }
        }
    }

    private void CheckAutoscale(string path, Autoscale autoscale, Findings findings)
    {
        var max = settings.MaxQuantity;
        if (autoscale.Min < 1 || autoscale.Min > max)
        {
            findings.Add(Number($"{path}.min", autoscale.Min, $"autoscale.min must be between 1 and {max}", "use quantity: 0 without autoscale to stop a process type"));
        }

        if (autoscale.Max < 1 || autoscale.Max > max)
        {
            findings.Add(Number($"{path}.max", autoscale.Max, $"autoscale.max must be between 1 and {max} (the platform's maximum)", "lower it, or ask the platform operator to raise the maximum"));
        }
        else if (autoscale.Min > autoscale.Max)
        {
            findings.Add(Number($"{path}.min", autoscale.Min, $"autoscale.min must not exceed autoscale.max ({autoscale.Max})", "lower min or raise max"));
        }

        if (autoscale.TargetCPUUtilization is { } target && (target < 1 || target > 100))
        {
            findings.Add(Number($"{path}.targetCPUUtilization", target, "targetCPUUtilization is a percentage between 1 and 100", "e.g. 80, or omit it for the default of 80"));
        }
    }

    private static ValidationError Number(string field, int value, string rule, string fix) =>
        ValidationError.Invalid(field, value.ToString(CultureInfo.InvariantCulture), rule, fix);
}
