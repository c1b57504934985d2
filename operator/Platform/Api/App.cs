using System.ComponentModel;
using Kube.Models;

namespace Paas.Platform.Api;

/// <summary>An application a developer owns, as on Heroku: where builds come from, config vars, domains and maintenance mode.</summary>
[Description("An App is one application a developer owns, as on Heroku: where its builds come from, its config vars, custom domains and maintenance mode. The operator runs its current Release with the App's Formation.")]
public sealed record App : IPaasResource<App>
{
    public static ResourceType Resource => new(PaasGroup.Name, PaasGroup.Version, "App", "apps", Namespaced: true);

    public static ResourcePresentation Presentation => new(
        ["papp"],
        [
            new("URL", "string", ".status.url", "Where the web process is served."),
            new("Release", "integer", ".status.currentRelease", "Version of the Release serving traffic."),
            new("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", "Whether every process type runs the current Release with its desired dynos ready."),
            PrinterColumn.Age,
        ]);

    public string? ApiVersion { get; init; } = PaasGroup.ApiVersion;

    public string? Kind { get; init; } = "App";

    // Source-generated deserialization sets every init-only property, absent ones to null; keep the empty default instead.
    public ObjectMeta Metadata { get; init => field = value ?? new(); } = new();

    [Description("What the developer wants: source, buildpacks, stack, config vars, Procfile, domains, maintenance mode.")]
    public AppSpec Spec { get; init => field = value ?? new(); } = new();

    [Description("What the operator observed: URL, current release, latest build, dynos per process type, conditions.")]
    public AppStatus? Status { get; init; }
}
