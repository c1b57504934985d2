using Kube.Models;
using Paas.Platform.Api;

namespace Paas.Platform.Validation;

/// <summary>The validators of all four kinds behind one entry point, for the webhook and the CLI.</summary>
public sealed class PaasValidator(PlatformSettings settings)
{
    private readonly AppValidator apps = new();
    private readonly BuildValidator builds = new();
    private readonly ReleaseValidator releases = new();
    private readonly FormationValidator formations = new(settings);

    public AppValidator Apps => apps;

    public BuildValidator Builds => builds;

    public ReleaseValidator Releases => releases;

    public FormationValidator Formations => formations;

    /// <summary>Checks a new object of any paas.dev kind.</summary>
    public ValidationResult Validate(IKubernetesObject obj) => obj switch
    {
        App app => apps.Validate(app),
        Build build => builds.Validate(build),
        Release release => releases.Validate(release),
        Formation formation => formations.Validate(formation),
        _ => throw new ArgumentException($"{obj.GetType().Name} is not a paas.dev kind", nameof(obj)),
    };

    /// <summary>Checks an update; <paramref name="old"/> and <paramref name="updated"/> must be of the same kind.</summary>
    public ValidationResult ValidateUpdate(IKubernetesObject old, IKubernetesObject updated) => (old, updated) switch
    {
        (App o, App u) => apps.ValidateUpdate(o, u),
        (Build o, Build u) => builds.ValidateUpdate(o, u),
        (Release o, Release u) => releases.ValidateUpdate(o, u),
        (Formation o, Formation u) => formations.ValidateUpdate(o, u),
        _ => throw new ArgumentException($"cannot compare a {old.GetType().Name} with a {updated.GetType().Name}", nameof(updated)),
    };
}
