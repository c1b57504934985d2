using Paas.Platform.Procfiles;

namespace Paas.Platform.Validation;

/// <summary>Checks the process type names used as map keys (Release processTypes, Formation processes).</summary>
internal static class ProcessTypeMaps
{
    /// <summary>Each key's own errors, then keys that become the same Kubernetes name; a warning for each renamed key.</summary>
    public static void CheckKeys(string field, IEnumerable<string> names, string? appName, Findings findings)
    {
        var byKubernetesName = new Dictionary<string, string>(StringComparer.Ordinal);
        // Names already in Kubernetes form claim theirs first, so a clash is blamed on the renamed one.
        foreach (var name in names.OrderBy(n => ProcessTypeNames.ToKubernetesName(n) != n).ThenBy(n => n, StringComparer.Ordinal))
        {
            var errors = ProcessTypeNames.Check(name, appName, e => e with { Field = field }, suggestion => suggestion).ToList();
            findings.AddRange(errors);
            if (errors.Count > 0)
            {
                continue;
            }

            var kubernetesName = ProcessTypeNames.ToKubernetesName(name);
            if (byKubernetesName.TryGetValue(kubernetesName, out var first))
            {
                findings.Add(ValidationError.Invalid(field, Quote.Of(name), $"process types \"{first}\" and \"{name}\" both become \"{kubernetesName}\" in Kubernetes names", "rename one of them", "process type"));
                continue;
            }

            byKubernetesName.Add(kubernetesName, name);
            if (kubernetesName != name)
            {
                findings.Warn(field, ProcessTypeNames.MappedWarning(name, kubernetesName));
            }
        }
    }
}
