using System.Globalization;
using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Manifests;
using Paas.Platform.Procfiles;
using Paas.Platform.Releases;
using Paas.Platform.Validation;

namespace Paas.Platform.Rendering.Offline;

/// <summary>
/// The <c>render</c> verb as a pure function: paas.dev manifests in, the objects the operator would create for them out,
/// without a cluster. Every manifest is checked as the admission webhook checks it; each App is released the way the
/// operator releases it (its newest Release in the manifests, else its image Build, else the image given), and rendered
/// with the same renderers the controllers use.
/// </summary>
public static class OfflineRenderer
{
    public static OfflineRenderResult Render(IReadOnlyList<PaasManifest> manifests, PlatformSettings settings, OfflineRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var warnings = new List<string>();
        var validator = new PaasValidator(settings);
        var objects = new List<IKubernetesObject>();
        var configObjects = new ConfigObjects();
        for (var i = 0; i < manifests.Count; i++)
        {
            var manifest = manifests[i];
            if (manifest.Object is null)
            {
                if (ConfigObjects.IsOtherKind(manifest.Json))
                {
                    configObjects.Add(manifest.Json, options.Namespace, warnings);
                    continue;
                }

                errors.AddRange(manifest.Errors.Select(e => $"document {(i + 1).ToString(CultureInfo.InvariantCulture)}: {e.Message}"));
                continue;
            }

            var obj = InNamespace(manifest.Object, options.Namespace);
            var result = validator.Validate(obj);
            errors.AddRange(result.Errors.Select(e => $"{Describe(obj)}: {e.Message}"));
            warnings.AddRange(result.Warnings.Select(w => $"{Describe(obj)}: {w}"));
            objects.Add(obj);
        }

        foreach (var twice in objects.GroupBy(o => (o.Kind, o.Metadata.Namespace, o.Metadata.Name)).Where(g => g.Count() > 1))
        {
            errors.Add($"{twice.Key.Kind} {twice.Key.Name}: defined {twice.Count().ToString(CultureInfo.InvariantCulture)} times in namespace {twice.Key.Namespace}; kubectl apply would keep only the last, so keep one manifest of it.");
        }

        var apps = objects.OfType<App>().ToList();
        foreach (var orphan in objects.Where(o => o is not App && AppOf(o) is { } app && !apps.Any(a => SameApp(a, o.Metadata.Namespace, app))))
        {
            errors.Add($"{Describe(orphan)}: spec.app: value \"{AppOf(orphan)}\" is invalid: no App of that name in namespace {orphan.Metadata.Namespace} is among the manifests; add the App's manifest (-f app.yaml).");
        }

        var rendered = new List<IKubernetesObject>();
        if (errors.Count == 0)
        {
            foreach (var app in apps.OrderBy(a => a.Metadata.Namespace, StringComparer.Ordinal).ThenBy(a => a.Metadata.Name, StringComparer.Ordinal))
            {
                var own = objects.Where(o => SameApp(app, o.Metadata.Namespace, AppOf(o))).ToList();
                rendered.AddRange(RenderApp(app, own, configObjects, settings, options, errors, warnings));
            }
        }

        return new OfflineRenderResult(errors.Count == 0 ? rendered : [], errors, warnings);
    }

    private static IEnumerable<IKubernetesObject> RenderApp(
        App app, List<IKubernetesObject> own, ConfigObjects configObjects, PlatformSettings settings, OfflineRenderOptions options, List<string> errors, List<string> warnings)
    {
        var name = app.Metadata.Name!;
        var config = configObjects.Resolve(app, warnings);
        var release = OwnRelease(app, own, config, configObjects, options, errors);
        if (release is null)
        {
            return [];
        }

        if (release.Spec.ProcessTypes is not { Count: > 0 })
        {
            errors.Add($"App {name}: Release v{release.Spec.Version.ToString(CultureInfo.InvariantCulture)} has no process types: set spec.procfile on the App, or pass the Procfile a build would read from the source with --procfile FILE.");
            return [];
        }

        var formation = own.OfType<Formation>().OrderBy(f => f.Metadata.Name, StringComparer.Ordinal).LastOrDefault();
        var input = new RenderInput(app, release, formation, settings);
        var workloads = AppRenderer.Render(input);
        // The released snapshot is the App's config, or a given Release's whose values the manifests do not hold.
        Secret? snapshot = null;
        if (release.Spec.Config?.Hash == config.Hash)
        {
            snapshot = ConfigSnapshotSecret.Render(name, app.Metadata.Namespace, config);
        }
        else
        {
            warnings.Add($"App {name}: Release v{release.Spec.Version.ToString(CultureInfo.InvariantCulture)} runs config snapshot Secret {release.Spec.Config?.SecretName}, which is not rendered: only the Secret for the App's own spec.config can be.");
        }

        var releaseJob = ReleasePhaseJob.Render(input);
        return new IKubernetesObject?[] { release, snapshot, releaseJob }.OfType<IKubernetesObject>().Concat(workloads.All);
    }

    /// <summary>The Release the operator would run: the newest in the manifests, else one for the App's image Build or the image given.</summary>
    private static Release? OwnRelease(
        App app, List<IKubernetesObject> own, ConfigSnapshot config, ConfigObjects configObjects, OfflineRenderOptions options, List<string> errors)
    {
        var name = app.Metadata.Name!;
        var history = ReleasePlanner.History(app, [.. own.OfType<Release>()]);
        if (history.Count > 0)
        {
            // A config or Procfile that differs from the newest Release makes the next one, as on the cluster; its
            // description names the changed vars when the newest snapshot Secret is among the manifests.
            var newestConfig = configObjects.SecretData(app.Metadata.Namespace, history[^1].Spec.Config?.SecretName);
            return ReleasePlanner.ForAppChange(app, history, config, newestConfig).Plan?.Release ?? history[^1];
        }

        var builds = own.OfType<Build>().OrderBy(b => b.Metadata.Name, StringComparer.Ordinal).ToList();
        var image = builds.LastOrDefault(b => b.Spec.Source.Image is not null) is { } imageBuild
            ? (Build: imageBuild.Metadata.Name!, Reference: imageBuild.Spec.Source.Image!)
            : options.Image is { } given ? (Build: $"{name}-image", Reference: given) : default;
        if (image.Reference is null)
        {
            var fix = builds.Count > 0
                ? $"Build {builds[^1].Metadata.Name} builds from source, which needs a cluster; give the image it would produce with --image REF"
                : "give an image with --image REF, a Build with spec.source.image, or a Release";
            errors.Add($"App {name}: nothing to release: {fix}.");
            return null;
        }

        IReadOnlyDictionary<string, string>? processTypes = null;
        if (options.Procfile is { } text)
        {
            var procfile = Procfile.Parse(text, name, "--procfile");
            if (!procfile.IsValid)
            {
                errors.AddRange(procfile.Errors.Select(e => $"App {name}: {e.Message}"));
                return null;
            }

            processTypes = procfile.ToProcessTypeMap();
        }

        var succeeded = new Build
        {
            Metadata = new ObjectMeta { Name = image.Build, Namespace = app.Metadata.Namespace },
            Spec = new BuildSpec { App = name, Source = new BuildSource { Image = image.Reference } },
            Status = new BuildStatus { Phase = BuildPhases.Succeeded, Image = image.Reference, ProcessTypes = processTypes },
        };
        return ReleasePlanner.ForBuild(app, [], succeeded, config).Plan?.Release;
    }

    private static IKubernetesObject InNamespace(IKubernetesObject obj, string @namespace) =>
        obj.Metadata.Namespace is { Length: > 0 } ? obj : obj switch
        {
            App app => app with { Metadata = app.Metadata with { Namespace = @namespace } },
            Build build => build with { Metadata = build.Metadata with { Namespace = @namespace } },
            Release release => release with { Metadata = release.Metadata with { Namespace = @namespace } },
            Formation formation => formation with { Metadata = formation.Metadata with { Namespace = @namespace } },
            _ => obj,
        };

    private static string? AppOf(IKubernetesObject obj) => obj switch
    {
        Build build => build.Spec.App,
        Release release => release.Spec.App,
        Formation formation => formation.Spec.App,
        _ => null,
    };

    private static bool SameApp(App app, string? @namespace, string? name) =>
        name is not null && app.Metadata.Name == name && app.Metadata.Namespace == @namespace;

    private static string Describe(IKubernetesObject obj) => $"{obj.Kind} {obj.Metadata.Name}";
}
