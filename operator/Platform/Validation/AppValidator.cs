using System.Text.RegularExpressions;
using Paas.Platform.Api;
using Paas.Platform.Procfiles;

namespace Paas.Platform.Validation;

/// <summary>Checks an App against Heroku's rules and what Kubernetes needs; returns every error at once.</summary>
public sealed partial class AppValidator
{
    public ValidationResult Validate(App app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var findings = new Findings();
        var name = app.Metadata.Name;
        if (!(string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(app.Metadata.GenerateName)))
        {
            findings.Add(AppNames.Check("metadata.name", name, "name"));
        }

        var spec = app.Spec;
        if (spec.Source?.Git is { } git)
        {
            GitSources.Check("spec.source.git", git, findings);
        }

        findings.AddRange(Buildpacks.Check("spec.buildpacks", spec.Buildpacks));
        if (spec.Stack is { } stack && !Stack().IsMatch(stack))
        {
            findings.Add(ValidationError.Invalid("spec.stack", Quote.Of(stack), "stacks are named with lowercase letters, digits, \".\" and \"-\" (^[a-z0-9][a-z0-9.-]{0,62}$)", "e.g. \"heroku-24\", or omit it for the platform's default", "stack"));
        }

        findings.AddRange(ConfigVars.Check("spec.config", spec.Config));
        CheckConfigFrom(spec.ConfigFrom, findings);
        if (spec.Procfile is { } procfile)
        {
            findings.Include(Procfile.Parse(procfile, string.IsNullOrEmpty(name) ? null : name, "spec.procfile").ToValidationResult());
        }

        findings.AddRange(DomainNames.Check("spec.domains", spec.Domains));
        return findings.ToResult();
    }

    /// <summary>An update is checked like a create: an App's fields may all change (Kubernetes keeps the name).</summary>
    public ValidationResult ValidateUpdate(App old, App updated) => Validate(updated);

    private static void CheckConfigFrom(IReadOnlyList<ConfigSource>? sources, Findings findings)
    {
        for (var i = 0; i < (sources?.Count ?? 0); i++)
        {
            var source = sources![i];
            var path = $"spec.configFrom[{i}]";
            if (source.SecretRef is not null && source.ConfigMapRef is not null)
            {
                findings.Add(ValidationError.Because(path, "set exactly one of secretRef and configMapRef, and both are set", "split it into two entries, one per object"));
            }
            else if (source.SecretRef is null && source.ConfigMapRef is null)
            {
                findings.Add(ValidationError.Because(path, "set exactly one of secretRef and configMapRef, and neither is set", "add secretRef: {name: <secret>} or configMapRef: {name: <configmap>}, or remove the entry"));
            }

            findings.Add(source.SecretRef is { } secret ? KubernetesNames.CheckSubdomain($"{path}.secretRef.name", secret.Name) : null);
            findings.Add(source.ConfigMapRef is { } map ? KubernetesNames.CheckSubdomain($"{path}.configMapRef.name", map.Name) : null);
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]{0,62}\z")]
    private static partial Regex Stack();
}
