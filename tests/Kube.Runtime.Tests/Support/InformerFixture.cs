using Kube.Runtime.Informers;

namespace Kube.Runtime.Tests.Support;

/// <summary>An informer over a scripted fake client and a manual clock, stopped and awaited after each test.</summary>
public abstract class InformerFixture : IAsyncLifetime
{
    private readonly CancellationTokenSource stop = new();
    private Task running = Task.CompletedTask;

    private protected FakeKubeClient Client { get; } = new();

    private protected ManualTimeProvider Clock { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        await running;
        stop.Dispose();
    }

    /// <summary>Starts an informer; <paramref name="random"/> fixes the jitter so backoff values are exact.</summary>
    private protected Informer<ConfigMap> StartInformer(
        InformerOptions? options, double random, IInformerHandler<ConfigMap>? handler, Func<ConfigMap, ConfigMap>? transform = null)
    {
        var informer = new Informer<ConfigMap>(Client, options, timeProvider: Clock, random: new FixedRandom(random));
        if (transform is not null)
        {
            informer.UseTransform(transform);
        }

        if (handler is not null)
        {
            informer.AddHandler(handler);
        }

        running = informer.RunAsync(stop.Token);
        return informer;
    }
}
