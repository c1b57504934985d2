using System.ComponentModel;
using Kube.Models;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>An immutable, numbered record of image, config and process types: Heroku's append-only release ledger.</summary>
[Description("A Release is an immutable, numbered record of what an App runs: image, config snapshot and process types (Heroku's append-only release ledger). Named <app>-v<N>. The operator runs the current one.")]
public sealed record Release : IPaasResource<Release>
{
    public static ResourceType Resource => new(PaasGroup.Name, PaasGroup.Version, "Release", "releases", Namespaced: true);

    public static ResourcePresentation Presentation => new(
        ["prel"],
        [
            new("App", "string", ".spec.app", "The App this Release belongs to."),
            new("Version", "integer", ".spec.version", "The release number, v<N>."),
            new("Description", "string", ".spec.description", "What changed, e.g. Deploy 1a2b3c4."),
            new("Current", "boolean", ".status.current", "Whether this Release is serving."),
            PrinterColumn.Age,
        ]);

    public string? ApiVersion { get; init; } = PaasGroup.ApiVersion;

    public string? Kind { get; init; } = "Release";

    // Source-generated deserialization sets every init-only property, absent ones to null; keep the empty default instead.
    public ObjectMeta Metadata { get; init => field = value ?? new(); } = new();

    [Description("What this Release runs. Immutable: roll back or release again instead of editing.")]
    [Cel("self == oldSelf", "a Release's spec is immutable; create a new Release (or roll back) instead")]
    public required ReleaseSpec Spec { get; init; }

    [Description("Whether the release phase ran and whether this Release is serving.")]
    public ReleaseStatus? Status { get; init; }
}
