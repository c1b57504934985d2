using System.ComponentModel;
using Kube.Models;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>Source turned into an image (Heroku's slug) by a build Job; a Succeeded Build creates the next Release.</summary>
[Description("A Build turns source into an image (Heroku's slug) with a build Job. A Succeeded Build creates the App's next Release. Its spec cannot change after creation.")]
public sealed record Build : IPaasResource<Build>
{
    public static ResourceType Resource => new(PaasGroup.Name, PaasGroup.Version, "Build", "builds", Namespaced: true);

    public static ResourcePresentation Presentation => new(
        ["pbuild"],
        [
            new("App", "string", ".spec.app", "The App this Build is for."),
            new("Phase", "string", ".status.phase", "Pending, Running, Succeeded or Failed."),
            new("Image", "string", ".status.image", "The built image, by digest."),
            PrinterColumn.Age,
        ]);

    public string? ApiVersion { get; init; } = PaasGroup.ApiVersion;

    public string? Kind { get; init; } = "Build";

    // Source-generated deserialization sets every init-only property, absent ones to null; keep the empty default instead.
    public ObjectMeta Metadata { get; init => field = value ?? new(); } = new();

    [Description("What to build: the App, the source and optionally the buildpacks. Immutable: a Build is a record of what was built.")]
    [Cel("self == oldSelf", "a Build's spec is immutable; create a new Build instead")]
    public required BuildSpec Spec { get; init; }

    [Description("Progress and result of the build.")]
    public BuildStatus? Status { get; init; }
}
