using System.Collections.Concurrent;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Controllers;
using Kube.Runtime.Informers;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Controllers;

public sealed class ControllerTests : IAsyncLifetime
{
    private static readonly ObjectKey A = new("default", "a");
    private static readonly ObjectKey B = new("default", "b");

    private readonly ManualTimeProvider clock = new();
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> running = [];
    private readonly List<IDisposable> disposables = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(running);
        disposables.ForEach(disposable => disposable.Dispose());
        stop.Dispose();
    }

    [Fact]
    public async Task Failure_requeues_with_rate_limited_backoff_and_success_forgets_it()
    {
        var attempts = 0;
        var reconciler = new DelegateReconciler((_, _) => Task.FromResult(
            Interlocked.Increment(ref attempts) <= 2 ? ReconcileResult.Failure("database not ready") : ReconcileResult.Success));
        var controller = Start(reconciler);

        controller.Queue.Add(A);
        await clock.AdvanceToNextTimerAsync();
        await clock.AdvanceToNextTimerAsync();

        await Eventually.TrueAsync(() => reconciler.Calls.Count == 3, "the third attempt ran");
        clock.RequestedDelays.Select(delay => delay.TotalMilliseconds).Should().Equal(5, 10);
        await Eventually.TrueAsync(() => controller.Queue.NumRequeues(A) == 0, "success forgot the failures");
    }

    [Fact]
    public async Task An_exception_is_retried_with_backoff_and_the_worker_keeps_serving_other_keys()
    {
        var reconciler = new DelegateReconciler((key, _) =>
            key == A && !clock.RequestedDelays.Any() ? throw new InvalidOperationException("boom") : Task.FromResult(ReconcileResult.Success));
        var controller = Start(reconciler, workers: 1);

        controller.Queue.Add(A);
        await clock.WaitForTimersAsync();
        controller.Queue.Add(B);
        await Eventually.TrueAsync(() => reconciler.Calls.Contains(B), "the same worker went on to b");
        clock.Advance(TimeSpan.FromMilliseconds(5));

        await Eventually.TrueAsync(() => reconciler.Calls.Count(key => key == A) == 2, "a was retried");
        clock.RequestedDelays.Should().Equal(TimeSpan.FromMilliseconds(5));
    }

    [Fact]
    public async Task RequeueAfter_forgets_failures_and_comes_back_after_the_delay()
    {
        var attempts = 0;
        var reconciler = new DelegateReconciler((_, _) => Task.FromResult(Interlocked.Increment(ref attempts) switch
        {
            1 or 2 => ReconcileResult.Failure("not yet"),
            3 => ReconcileResult.RequeueAfter(TimeSpan.FromMinutes(1)),
            _ => ReconcileResult.Success,
        }));
        var controller = Start(reconciler);

        controller.Queue.Add(A);
        await clock.AdvanceToNextTimerAsync();
        await clock.AdvanceToNextTimerAsync();
        await Eventually.TrueAsync(() => reconciler.Calls.Count == 3, "the third attempt ran");
        await clock.WaitForTimersAsync();
        controller.Queue.NumRequeues(A).Should().Be(0);
        reconciler.Calls.Should().HaveCount(3, "nothing happens until the minute has passed");

        await clock.AdvanceToNextTimerAsync();

        await Eventually.TrueAsync(() => reconciler.Calls.Count == 4, "it came back after the delay");
        clock.RequestedDelays.Select(delay => delay.TotalMilliseconds).Should().Equal(5, 10, 60_000);
    }

    [Fact]
    public async Task The_same_key_is_never_reconciled_on_two_workers_at_once_but_different_keys_are()
    {
        var inFlight = new ConcurrentDictionary<ObjectKey, int>();
        var maxPerKey = 0;
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconciler = new DelegateReconciler(async (key, _) =>
        {
            var now = inFlight.AddOrUpdate(key, 1, (_, count) => count + 1);
            InterlockedMax(ref maxPerKey, now);
            if (inFlight.Count(pair => pair.Value > 0) == 2)
            {
                bothStarted.TrySetResult();
            }

            await release.Task;
            inFlight.AddOrUpdate(key, 0, (_, count) => count - 1);
            return ReconcileResult.Success;
        });
        var controller = Start(reconciler, workers: 4);

        controller.Queue.Add(A);
        controller.Queue.Add(B);
        await bothStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 10; i++)
        {
            controller.Queue.Add(A);
        }

        release.SetResult();

        await Eventually.TrueAsync(() => reconciler.Calls.Count(key => key == A) == 2, "a was reconciled again after it was done");
        Volatile.Read(ref maxPerKey).Should().Be(1);
        reconciler.Calls.Count(key => key == A).Should().Be(2, "ten adds while processing collapse into one more reconcile");
    }

    [Fact]
    public async Task Every_change_of_the_primary_object_is_reconciled_even_when_generation_is_unchanged()
    {
        var client = new FakeKubeClient();
        var watch = new FakeWatch();
        client.EnqueueWatch(watch);
        var informer = new Informer<ConfigMap>(client, timeProvider: clock);
        var reconciler = new DelegateReconciler((_, _) => Task.FromResult(ReconcileResult.Success));
        Start(reconciler).For(informer);
        running.Add(informer.RunAsync(stop.Token));

        watch.Send("ADDED", WithGeneration("a", 1, "201"));
        await Eventually.TrueAsync(() => reconciler.Calls.Count == 1, "the add was reconciled");
        watch.Send("MODIFIED", WithGeneration("a", 1, "202"));

        await Eventually.TrueAsync(() => reconciler.Calls.Count == 2, "a status-only change was reconciled too");
        reconciler.Calls.Should().Equal(A, A);
    }

    [Fact]
    public async Task A_change_to_an_owned_object_reconciles_its_controlling_owner()
    {
        var client = new FakeKubeClient();
        var watch = new FakeWatch();
        client.EnqueueWatch(watch);
        var informer = new Informer<ConfigMap>(client, timeProvider: clock);
        var reconciler = new DelegateReconciler((_, _) => Task.FromResult(ReconcileResult.Success));
        Start(reconciler).Owns<ConfigMap, Widget>(informer);
        running.Add(informer.RunAsync(stop.Token));

        watch.Send("ADDED", OwnedBy("not-controller", new OwnerReference { ApiVersion = "example.com/v1", Kind = "Widget", Name = "other", Uid = "u2" }));
        watch.Send("ADDED", OwnedBy("other-group", new OwnerReference { ApiVersion = "apps/v1", Kind = "Widget", Name = "apps", Uid = "u3", Controller = true }));
        watch.Send("ADDED", OwnedBy("web-env", new OwnerReference { ApiVersion = "example.com/v1", Kind = "Widget", Name = "web", Uid = "u1", Controller = true }));
        await Eventually.TrueAsync(() => reconciler.Calls.Count == 1, "the owner was reconciled for the add");
        watch.Send("DELETED", OwnedBy("web-env", new OwnerReference { ApiVersion = "example.com/v2", Kind = "Widget", Name = "web", Uid = "u1", Controller = true }));

        await Eventually.TrueAsync(() => reconciler.Calls.Count == 2, "the owner was reconciled for the delete, whatever the version");
        reconciler.Calls.Should().OnlyContain(key => key == new ObjectKey("default", "web"));
    }

    [Fact]
    public async Task A_mapped_watch_reconciles_the_keys_the_mapper_returns()
    {
        var client = new FakeKubeClient();
        var watch = new FakeWatch();
        client.EnqueueWatch(watch);
        var informer = new Informer<ConfigMap>(client, timeProvider: clock);
        var reconciler = new DelegateReconciler((_, _) => Task.FromResult(ReconcileResult.Success));
        Start(reconciler).Watches(informer, cm => [new ObjectKey("apps", $"{cm.Metadata.Name}-app")]);
        running.Add(informer.RunAsync(stop.Token));

        watch.Send("ADDED", ConfigMap.Named("shared", resourceVersion: "201"));

        await Eventually.TrueAsync(() => reconciler.Calls.Count == 1, "the mapped key was reconciled");
        reconciler.Calls.Should().Equal(new ObjectKey("apps", "shared-app"));
    }

    [Fact]
    public async Task Shutdown_stops_intake_and_lets_an_in_flight_reconcile_finish()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelledInside = false;
        var reconciler = new DelegateReconciler(async (_, ct) =>
        {
            started.TrySetResult();
            await finish.Task;
            cancelledInside = ct.IsCancellationRequested;
            return ReconcileResult.Success;
        });
        using var controller = new Controller("drain", reconciler, new ControllerOptions { Workers = 1 }, timeProvider: clock);
        using var shutdown = new CancellationTokenSource();
        var run = controller.RunAsync(shutdown.Token);
        controller.Queue.Add(A);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await shutdown.CancelAsync();
        controller.Queue.Add(B);
        await clock.WaitForTimersAsync();
        run.IsCompleted.Should().BeFalse("a reconcile is still running");
        finish.SetResult();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        cancelledInside.Should().BeFalse("it finished within the drain timeout");
        reconciler.Calls.Should().Equal(A);
    }

    [Fact]
    public async Task A_reconcile_still_running_at_the_drain_deadline_has_its_token_cancelled()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconciler = new DelegateReconciler(async (_, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return ReconcileResult.Success;
        });
        using var controller = new Controller("slow", reconciler, new ControllerOptions { Workers = 1, DrainTimeout = TimeSpan.FromSeconds(20) }, timeProvider: clock);
        using var shutdown = new CancellationTokenSource();
        var run = controller.RunAsync(shutdown.Token);
        controller.Queue.Add(A);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await shutdown.CancelAsync();
        await clock.WaitForTimersAsync();
        clock.Advance(TimeSpan.FromSeconds(20));

        await run.WaitAsync(TimeSpan.FromSeconds(10));
        clock.RequestedDelays.Should().Contain(TimeSpan.FromSeconds(20));
    }

    private Controller Start(DelegateReconciler reconciler, int workers = 2)
    {
        var controller = new Controller("test", reconciler, new ControllerOptions { Workers = workers }, timeProvider: clock);
        disposables.Add(controller);
        running.Add(controller.RunAsync(stop.Token));
        return controller;
    }

    private static ConfigMap WithGeneration(string name, long generation, string resourceVersion) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default", Generation = generation, ResourceVersion = resourceVersion },
    };

    private static ConfigMap OwnedBy(string name, OwnerReference owner) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default", ResourceVersion = "300", OwnerReferences = [owner] },
    };

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
