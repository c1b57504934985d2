using System.ComponentModel;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>The desired state of an App.</summary>
[Description("The desired state of an App.")]
public sealed record AppSpec
{
    [Description("Where builds come from when the App builds itself; a new commit at the ref starts a Build (Heroku's auto-deploy). Omit it to deploy only through Builds you create.")]
    public AppSource? Source { get; init; }

    [Description("Ordered buildpacks: names of the platform's buildpacks (e.g. heroku/nodejs) or https URLs of Heroku-compatible buildpacks. Empty or omitted means detect.")]
    [MaxItems(16)]
    public IReadOnlyList<string>? Buildpacks { get; init; }

    [Description("Base image family the app is built and run on, e.g. heroku-24. Omitted means the platform's default stack.")]
    [Pattern("^[a-z0-9][a-z0-9.-]{0,62}$")]
    public string? Stack { get; init; }

    [Description("Config vars: environment variable name to value. Keys use letters, digits and underscores; keys and values together may not exceed 32 KB. A change creates a new Release.")]
    public IReadOnlyDictionary<string, string>? Config { get; init; }

    [Description("Secrets or ConfigMaps in the App's namespace whose keys become config vars; later entries win over earlier ones, and spec.config wins over all.")]
    [MaxItems(32)]
    public IReadOnlyList<ConfigSource>? ConfigFrom { get; init; }

    [Description("Inline Procfile text (\"type: command\" per line), used when the build finds no Procfile, such as a prebuilt image, or to override the one in the source.")]
    [MaxLength(65536)]
    public string? Procfile { get; init; }

    [Description("Custom hostnames served by the web process, lowercase RFC 1123 names; a wildcard is allowed only as the leftmost label (*.example.com). Every App also gets <app>.<namespace>.<baseDomain> when the platform has a base domain.")]
    [MaxItems(100)]
    public IReadOnlyList<string>? Domains { get; init; }

    [Description("Serve a maintenance page (HTTP 503) instead of the app; dynos keep running.")]
    [DefaultValue(false)]
    public bool? Maintenance { get; init; }
}
