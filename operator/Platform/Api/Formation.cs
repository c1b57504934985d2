using System.ComponentModel;
using Kube.Models;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>How many dynos of each process type an App runs, and how big: Heroku's <c>ps:scale</c> and <c>ps:type</c>.</summary>
[Description("A Formation says how many dynos of each process type an App runs and how big they are (Heroku's ps:scale and ps:type). One per App, named like the App. A process type it does not list runs 1 web dyno and 0 of any other type.")]
[Cel("self.metadata.name == self.spec.app", "a Formation must be named like its App: set metadata.name to spec.app", FieldPath = ".spec.app")]
public sealed record Formation : IPaasResource<Formation>
{
    public static ResourceType Resource => new(PaasGroup.Name, PaasGroup.Version, "Formation", "formations", Namespaced: true);

    public static ResourcePresentation Presentation => new(
        ["pform"],
        [
            new("App", "string", ".spec.app", "The App this Formation scales."),
            new("Processes", "string", ".status.summary", "Dynos per process type and size, as heroku ps shows them: web=2:standard-1x worker=1:standard-2x."),
            PrinterColumn.Age,
        ]);

    public string? ApiVersion { get; init; } = PaasGroup.ApiVersion;

    public string? Kind { get; init; } = "Formation";

    // Source-generated deserialization sets every init-only property, absent ones to null; keep the empty default instead.
    public ObjectMeta Metadata { get; init => field = value ?? new(); } = new();

    [Description("Dynos per process type.")]
    public required FormationSpec Spec { get; init; }

    [Description("What the operator observed.")]
    public FormationStatus? Status { get; init; }
}
