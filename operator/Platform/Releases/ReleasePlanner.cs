using System.Globalization;
using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Procfiles;

namespace Paas.Platform.Releases;

/// <summary>
/// Decides, as a pure function of the App, its existing Releases and the resolved config, whether the next Release is
/// due and what it holds: version one above the newest, image and process types carried from the newest Succeeded one.
/// </summary>
public static class ReleasePlanner
{
    /// <summary>
    /// A release for a change of config (spec.config merged with resolved spec.configFrom) or of spec.procfile.
    /// <paramref name="newestConfig"/> holds the values of the newest Release's snapshot, for the description; null
    /// when they could not be read, which words the description without names.
    /// </summary>
    public static ReleaseDecision ForAppChange(
        App app, IReadOnlyList<Release> releases, ConfigSnapshot config, IReadOnlyDictionary<string, string>? newestConfig)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(config);
        var history = History(app, releases);
        var newest = history.LastOrDefault();
        if (newest is null)
        {
            return ReleaseDecision.NotYet($"App {app.Metadata.Name} has no Release yet; its first Build or image deploy creates v1.");
        }

        var baseRelease = history.LastOrDefault(release => release.Status?.Phase == ReleasePhases.Succeeded) ?? newest;
        var processTypes = baseRelease.Spec.ProcessTypes ?? new Dictionary<string, string>();
        if (app.Spec.Procfile is { } procfile)
        {
            var parsed = Procfile.Parse(procfile, app.Metadata.Name, "spec.procfile");
            if (!parsed.IsValid)
            {
                return ReleaseDecision.Rejected(parsed.Errors[0].Message);
            }

            processTypes = parsed.ToProcessTypeMap();
        }

        // A rollback stands until the App's spec changes again: compare with what the spec last released, not with the rollback.
        var reference = newest.Spec.RollbackOf is null ? newest : history.LastOrDefault(release => release.Spec.RollbackOf is null) ?? newest;
        var configChanged = (reference.Spec.Config?.Hash ?? ConfigSnapshot.Empty.Hash) != config.Hash;

        // Without spec.procfile the App states no process types; those of the Releases (from their builds) stand.
        var processTypesChanged = app.Spec.Procfile is not null && !SameMap(reference.Spec.ProcessTypes, processTypes);
        if (!configChanged && !processTypesChanged)
        {
            return ReleaseDecision.UpToDate(string.Create(CultureInfo.InvariantCulture, $"v{newest.Spec.Version} has the App's config and process types."));
        }

        var description = newestConfig is null
            ? ReleaseDescriptions.Change(new ConfigChange([], []), processTypesChanged) ?? "Update config vars"
            : ReleaseDescriptions.Change(ConfigChange.Between(newestConfig, config.Values), processTypesChanged) ?? "Update config vars";
        var spec = new ReleaseSpec
        {
            App = AppName(app),
            Version = newest.Spec.Version + 1,
            Image = baseRelease.Spec.Image,
            ProcessTypes = processTypes,
            Config = ConfigReference(app, config),
            Build = baseRelease.Spec.Build,
            Description = description,
        };
        var intent = $"change:{config.Hash}:{ConfigSnapshot.Of(processTypes).Hash}";
        return ReleaseDecision.Create(new ReleasePlan(NewRelease(app, spec, intent), config, intent, newest.Spec.Version));
    }

    /// <summary>A release for a Succeeded Build: its image, its process types unless spec.procfile overrides them.</summary>
    public static ReleaseDecision ForBuild(App app, IReadOnlyList<Release> releases, Build build, ConfigSnapshot config)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(config);
        var buildName = build.Metadata.Name ?? string.Empty;
        if (build.Status is not { Phase: BuildPhases.Succeeded, Image: { Length: > 0 } image } status)
        {
            return ReleaseDecision.NotYet($"Build {buildName} has not succeeded with an image yet.");
        }

        var history = History(app, releases);
        var intent = "build:" + buildName;
        if (history.FirstOrDefault(release => release.Spec.Build == buildName) is { } existing)
        {
            return ReleaseDecision.UpToDate(string.Create(CultureInfo.InvariantCulture, $"Build {buildName} is already released as v{existing.Spec.Version}."));
        }

        var processTypes = status.ProcessTypes ?? new Dictionary<string, string>();
        if (app.Spec.Procfile is { } procfile && Procfile.Parse(procfile, app.Metadata.Name, "spec.procfile") is { IsValid: true } parsed)
        {
            processTypes = parsed.ToProcessTypeMap();
        }

        var newestVersion = history.LastOrDefault()?.Spec.Version ?? 0;
        var spec = new ReleaseSpec
        {
            App = AppName(app),
            Version = newestVersion + 1,
            Image = image,
            ProcessTypes = processTypes,
            Config = ConfigReference(app, config),
            Build = buildName,
            Description = ReleaseDescriptions.Deploy(status.Commit is { Length: > 0 } commit ? commit : image),
        };
        return ReleaseDecision.Create(new ReleasePlan(NewRelease(app, spec, intent), config, intent, newestVersion));
    }

    /// <summary>A rollback: a new Release copying image, process types and config snapshot of <paramref name="version"/>.</summary>
    public static ReleaseDecision ForRollback(App app, IReadOnlyList<Release> releases, int version)
    {
        ArgumentNullException.ThrowIfNull(app);
        var history = History(app, releases);
        var target = history.FirstOrDefault(release => release.Spec.Version == version);
        if (target is null)
        {
            var known = history.Count == 0 ? "it has none yet" : "it has " + string.Join(", ", history.Select(r => "v" + r.Spec.Version.ToString(CultureInfo.InvariantCulture)));
            return ReleaseDecision.Rejected(string.Create(CultureInfo.InvariantCulture,
                $"rollbackOf: v{version} is not a Release of App {app.Metadata.Name}; {known}. Roll back to one of those versions."));
        }

        var newestVersion = history[^1].Spec.Version;
        var spec = target.Spec with
        {
            Version = newestVersion + 1,
            Description = ReleaseDescriptions.Rollback(version),
            RollbackOf = version,
        };
        var intent = string.Create(CultureInfo.InvariantCulture, $"rollback:v{version}");
        return ReleaseDecision.Create(new ReleasePlan(NewRelease(app, spec, intent), null, intent, newestVersion));
    }

    /// <summary>The App's Releases, oldest first.</summary>
    public static IReadOnlyList<Release> History(App app, IReadOnlyList<Release> releases)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(releases);
        return [.. releases.Where(release => release.Spec.App == app.Metadata.Name).OrderBy(release => release.Spec.Version)];
    }

    private static string AppName(App app) =>
        app.Metadata.Name ?? throw new ArgumentException("The App has no metadata.name.", nameof(app));

    private static ReleaseConfig ConfigReference(App app, ConfigSnapshot config) =>
        new() { SecretName = config.SecretNameFor(AppName(app)), Hash = config.Hash };

    private static Release NewRelease(App app, ReleaseSpec spec, string intent) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = ReleaseNames.For(spec.App, spec.Version),
            Namespace = app.Metadata.Namespace,
            Labels = new Dictionary<string, string> { [PaasLabels.App] = spec.App },
            Annotations = new Dictionary<string, string> { [PaasAnnotations.ReleaseIntent] = intent },
            OwnerReferences = app.Metadata.Uid is { } uid
                ? [new OwnerReference { ApiVersion = PaasGroup.ApiVersion, Kind = "App", Name = spec.App, Uid = uid, Controller = true, BlockOwnerDeletion = true }]
                : null,
        },
        Spec = spec,
    };

    private static bool SameMap(IReadOnlyDictionary<string, string>? left, IReadOnlyDictionary<string, string> right) =>
        (left?.Count ?? 0) == right.Count && right.All(pair => left!.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
