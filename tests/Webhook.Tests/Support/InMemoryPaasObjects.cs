using System.Collections.Concurrent;
using Paas.Platform.Api;
using Paas.Webhook.Lookup;

namespace Paas.Webhook.Tests.Support;

/// <summary>An <see cref="IPaasObjectReader"/> over objects the test puts in, as the operator's informer cache would hold them.</summary>
internal sealed class InMemoryPaasObjects : IPaasObjectReader
{
    private readonly ConcurrentDictionary<(string, string), App> apps = new();
    private readonly ConcurrentDictionary<(string, string), Release> releases = new();

    /// <summary>Set to make every read fail, as an unreachable API server would.</summary>
    public Exception? Failure { get; set; }

    public InMemoryPaasObjects Add(App app)
    {
        apps[(app.Metadata.Namespace!, app.Metadata.Name!)] = app;
        return this;
    }

    public InMemoryPaasObjects Add(Release release)
    {
        releases[(release.Metadata.Namespace!, release.Metadata.Name!)] = release;
        return this;
    }

    /// <summary>An App <paramref name="name"/> whose current release is v1 with <paramref name="processTypes"/>.</summary>
    public InMemoryPaasObjects AddReleasedApp(string @namespace, string name, params string[] processTypes)
    {
        Add(new App { Metadata = new() { Name = name, Namespace = @namespace }, Status = new AppStatus { CurrentRelease = 1 } });
        return Add(new Release
        {
            Metadata = new() { Name = $"{name}-v1", Namespace = @namespace },
            Spec = new ReleaseSpec
            {
                App = name,
                Version = 1,
                Image = "registry.example.com/shop@" + Manifests.Digest,
                ProcessTypes = processTypes.ToDictionary(t => t, t => $"run {t}"),
            },
        });
    }

    public ValueTask<App?> GetAppAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        Failure is { } failure ? ValueTask.FromException<App?>(failure) : ValueTask.FromResult(apps.GetValueOrDefault((@namespace, name)));

    public ValueTask<Release?> GetReleaseAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        Failure is { } failure ? ValueTask.FromException<Release?>(failure) : ValueTask.FromResult(releases.GetValueOrDefault((@namespace, name)));
}
