using System.Globalization;
using Paas.Platform.Api;

namespace Paas.Platform.Validation;

/// <summary>Checks a Release: its name and version, image by digest, process types, config snapshot; and that its spec never changes.</summary>
public sealed class ReleaseValidator
{
    /// <summary>Longest description; Heroku's are one short line ("Deploy 1a2b3c4").</summary>
    public const int MaxDescriptionLength = 256;

    public ValidationResult Validate(Release release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var findings = new Findings();
        var spec = release.Spec;
        var appError = AppNames.Check("spec.app", spec.App);
        findings.Add(appError);
        if (spec.Version < 1)
        {
            findings.Add(ValidationError.Invalid("spec.version", spec.Version.ToString(CultureInfo.InvariantCulture), "release versions start at 1 and increase by one per App", "use the App's next version number", "version"));
        }
        else if (appError is null && release.Metadata.Name is { Length: > 0 } name && name != $"{spec.App}-v{spec.Version}")
        {
            findings.Add(ValidationError.Invalid("metadata.name", Quote.Of(name), "a Release is named <app>-v<N> after spec.app and spec.version", $"name it \"{spec.App}-v{spec.Version}\"", "name"));
        }

        findings.Add(ImageReferences.CheckByDigest("spec.image", spec.Image ?? ""));
        CheckProcessTypes(spec, appError is null ? spec.App : null, findings);
        CheckConfig(spec.Config, findings);
        if (spec.Build is { } build)
        {
            findings.Add(KubernetesNames.CheckSubdomain("spec.build", build));
        }

        if (spec.Description is { Length: > MaxDescriptionLength } description)
        {
            findings.Add(ValidationError.Invalid("spec.description", Quote.Of(description), $"a description may have at most {MaxDescriptionLength} characters, this one has {description.Length}", "say what changed in one short line, e.g. \"Deploy 1a2b3c4\"", "description"));
        }

        if (spec.RollbackOf is { } target && (target < 1 || target >= spec.Version))
        {
            findings.Add(ValidationError.Invalid("spec.rollbackOf", target.ToString(CultureInfo.InvariantCulture), $"a rollback returns to an earlier Release, so rollbackOf must be between 1 and {spec.Version - 1} (below spec.version)", "name the version to roll back to", "version"));
        }

        return findings.ToResult();
    }

    /// <summary>Checks the new object, and rejects every change to the spec: the release ledger is append-only.</summary>
    public ValidationResult ValidateUpdate(Release old, Release updated)
    {
        ArgumentNullException.ThrowIfNull(old);
        var findings = new Findings();
        findings.Include(Validate(updated));
        findings.AddRange(SpecChanges.Rejections(old.Spec, updated.Spec, PaasJsonContext.Default.ReleaseSpec, "a Release's spec cannot change after creation, the release ledger is append-only", "create a new Release, or roll back, instead"));
        return findings.ToResult();
    }

    private static void CheckProcessTypes(ReleaseSpec spec, string? appName, Findings findings)
    {
        if (spec.ProcessTypes is not { } processTypes)
        {
            return;
        }

        ProcessTypeMaps.CheckKeys("spec.processTypes", processTypes.Keys, appName, findings);
        foreach (var (name, command) in processTypes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(command))
            {
                findings.Add(ValidationError.Because($"spec.processTypes.{name}", $"process type \"{name}\" has no command", "give it the command to run, or remove it"));
            }
        }
    }

    private static void CheckConfig(ReleaseConfig? config, Findings findings)
    {
        if (config is null)
        {
            return;
        }

        findings.Add(KubernetesNames.CheckSubdomain("spec.config.secretName", config.SecretName ?? ""));
        if (string.IsNullOrWhiteSpace(config.Hash))
        {
            findings.Add(ValidationError.Because("spec.config.hash", "the config hash is missing", "set it to the hash of the snapshot Secret's data"));
        }
    }
}
