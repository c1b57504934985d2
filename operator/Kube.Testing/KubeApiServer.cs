using System.Net;
using Kube.Testing.Discovery;
using Kube.Testing.Lifecycle;
using Kube.Testing.Resources;
using Kube.Testing.Security;
using Kube.Testing.Server;
using Kube.Testing.Storage;
using Kube.Testing.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kube.Testing;

/// <summary>An in-process Kubernetes API server on 127.0.0.1, with the semantics the operator relies on (see README.md).</summary>
public sealed class KubeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ObjectStore _store;
    private readonly SelfSignedCertificates? _certificates;
    private readonly KubeApiServerOptions _options;
    private int _disposed;

    private KubeApiServer(WebApplication app, ObjectStore store, SelfSignedCertificates? certificates, KubeApiServerOptions options, FaultInjector faults)
    {
        _app = app;
        _store = store;
        _certificates = certificates;
        _options = options;
        Faults = faults;
    }

    /// <summary>http(s)://127.0.0.1:&lt;port&gt;/</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public FaultInjector Faults { get; }

    /// <summary>The CA that signed the serving certificate, when <see cref="KubeApiServerOptions.Tls"/> is on.</summary>
    public string? CaCertificatePem => _certificates?.AuthorityPem;

    public static Task<KubeApiServer> StartAsync(KubeApiServerOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(options, WriteHookComposition.Default, cancellationToken);

    /// <summary>Starts with other write hooks, for tests of the write path's seams.</summary>
    internal static async Task<KubeApiServer> StartAsync(KubeApiServerOptions? options, Func<ObjectStore, WriteHooks> composeHooks, CancellationToken cancellationToken)
    {
        options ??= new KubeApiServerOptions();
        var clock = TimeProvider.System;
        var certificates = options.Tls ? SelfSignedCertificates.Create(clock.GetUtcNow()) : null;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            // kubectl and client-go multiplex every watch of a process over one HTTP/2 connection.
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                if (certificates is not null)
                    listen.UseHttps(certificates.Serving);
            });
        });
        var app = builder.Build();

        var faults = new FaultInjector();
        var registry = new ResourceRegistry();
        var store = new ObjectStore(options.WatchHistoryLimit, options.WatcherBufferSize);
        var hooks = composeHooks(store);
        var lifecycle = new ObjectLifecycle(registry, clock);
        var admission = new AdmissionStep(store, hooks, registry);
        var pipeline = new WritePipeline(store, lifecycle, admission, hooks, clock);
        var server = new KubeApiServer(app, store, certificates, options, faults);
        var discovery = new DiscoveryDocuments(registry, () => server.BaseAddress.Authority);
        var dispatcher = new ApiDispatcher(
            registry, discovery, new OpenApiDocuments(registry), new ReadHandler(store, new TableBuilder(clock)), new WatchHandler(store, faults, options),
            new WriteHandler(pipeline, store), faults, options,
            (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ApiDispatcher>());
        app.Run(dispatcher.HandleAsync);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        await SeedNamespacesAsync(pipeline, registry, cancellationToken);
        return server;
    }

    /// <summary>Writes a kubeconfig (cluster, user, context) for kubectl and our client; returns <paramref name="path"/>.</summary>
    public string WriteKubeconfig(string path, string? @namespace = null)
    {
        KubeconfigWriter.Write(path, BaseAddress, CaCertificatePem, _options.RequiredBearerToken, @namespace);
        return path;
    }

    /// <summary>Forgets all watch history, so any older resourceVersion gets 410 Gone.</summary>
    public void CompactHistory() => _store.Compact();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        Faults.DropWatches();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        _certificates?.Dispose();
    }

    private static async Task SeedNamespacesAsync(WritePipeline pipeline, ResourceRegistry registry, CancellationToken cancellationToken)
    {
        var namespaces = registry.Find("", "v1", "namespaces")!;
        foreach (var name in new[] { "default", "kube-system", "kube-public" })
        {
            var target = new RequestTarget(namespaces, null, null, null, WatchPath: false);
            var body = new System.Text.Json.Nodes.JsonObject { ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = name } };
            await pipeline.CreateAsync(target, body, new WriteOptions("kube-apiserver", DryRun: false), cancellationToken);
        }
    }
}
