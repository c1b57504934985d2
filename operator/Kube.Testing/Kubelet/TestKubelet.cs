using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;

namespace Kube.Testing.Kubelet;

/// <summary>
/// Plays the part of the kubelet and the workload controllers for tests against <see cref="KubeApiServer"/>, which
/// runs no pods: Deployments get status saying all desired replicas are ready and up to date, and Jobs complete or
/// fail as the test decides. It writes status only, through the status subresource, as the real controllers do.
/// </summary>
/// <remarks>
/// Not imitated: pods (except a Job's pod when <see cref="TestKubeletOptions.JobPod"/> asks for it), ReplicaSets,
/// rollout progress one pod at a time, or Deployment conditions. A held Deployment keeps whatever status it has until
/// <see cref="Unhold"/>.
/// </remarks>
public sealed class TestKubelet : IAsyncDisposable
{
    private readonly IKubeClient client;
    private readonly TestKubeletOptions options;
    private readonly ConcurrentDictionary<string, byte> held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Deployment> deployments = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private Task running = Task.CompletedTask;

    private TestKubelet(IKubeClient client, TestKubeletOptions options)
    {
        this.client = client;
        this.options = options;
    }

    /// <summary>Starts the Deployment and Job loops on <paramref name="client"/>; dispose to stop them.</summary>
    public static TestKubelet Start(IKubeClient client, TestKubeletOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var kubelet = new TestKubelet(client, options ?? new TestKubeletOptions());
        kubelet.running = Task.WhenAll(
            Task.Run(() => kubelet.LoopAsync<Deployment>(kubelet.OnDeploymentAsync, kubelet.stop.Token)),
            Task.Run(() => kubelet.LoopAsync<Job>(kubelet.OnJobAsync, kubelet.stop.Token)));
        return kubelet;
    }

    /// <summary>Keeps the Deployment's readiness where it is, e.g. to observe a rollout in progress.</summary>
    public void Hold(string @namespace, string name) => held[KeyOf(@namespace, name)] = 0;

    /// <summary>Lets a held Deployment become ready.</summary>
    public async Task UnholdAsync(string @namespace, string name, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(@namespace, name);
        held.TryRemove(key, out _);
        if (deployments.TryGetValue(key, out var deployment))
        {
            await OnDeploymentAsync(deployment, cancellationToken);
        }
    }

    /// <summary>Same as <see cref="UnholdAsync"/> without waiting for the write.</summary>
    public void Unhold(string @namespace, string name) => _ = UnholdAsync(@namespace, name, stop.Token);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
        writeLock.Dispose();
    }

    private static string KeyOf(string? @namespace, string name) => $"{@namespace}/{name}";

    private async Task LoopAsync<T>(Func<T, CancellationToken, Task> handle, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<T>
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var list = await client.ListAsync<T>(options.Namespace, cancellationToken: cancellationToken);
                foreach (var item in list.Items)
                {
                    await handle(item, cancellationToken);
                }

                var watch = new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion, Timeout = TimeSpan.FromMinutes(5) };
                await foreach (var change in client.WatchAsync<T>(options.Namespace, watch, cancellationToken))
                {
                    if (change.Object is { } obj && change.Type is "ADDED" or "MODIFIED")
                    {
                        await handle(obj, cancellationToken);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A test helper keeps serving through dropped watches and 410s: it relists.
            catch (Exception)
#pragma warning restore CA1031
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task OnDeploymentAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        var key = KeyOf(deployment.Metadata.Namespace, deployment.Metadata.Name!);
        deployments[key] = deployment;
        var desired = deployment.Spec?.Replicas ?? 1;
        var status = deployment.Status;
        var upToDate = status is not null && status.ObservedGeneration == deployment.Metadata.Generation
            && status.Replicas == desired && status.ReadyReplicas == desired
            && status.AvailableReplicas == desired && status.UpdatedReplicas == desired;
        if (upToDate || held.ContainsKey(key))
        {
            return;
        }

        var patch = new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["observedGeneration"] = deployment.Metadata.Generation,
                ["replicas"] = desired,
                ["updatedReplicas"] = desired,
                ["readyReplicas"] = desired,
                ["availableReplicas"] = desired,
            },
        };
        await PatchStatusAsync<Deployment>(deployment, patch, cancellationToken);
    }

    private async Task OnJobAsync(Job job, CancellationToken cancellationToken)
    {
        if (job.Status?.Conditions?.Any(c => c.Type is "Complete" or "Failed" && c.Status == "True") == true)
        {
            return;
        }

        if (options.JobPod?.Invoke(job) is { } outcome)
        {
            await OnJobWithPodAsync(job, outcome, cancellationToken);
            return;
        }

        var verdict = options.JobVerdict(job);
        if (verdict == JobVerdict.Running)
        {
            return;
        }

        var complete = verdict == JobVerdict.Complete;
        await PatchStatusAsync<Job>(job, new JsonObject { ["status"] = FinishedStatus(complete, complete ? "Completed" : "BackoffLimitExceeded") }, cancellationToken);
    }

    private async Task OnJobWithPodAsync(Job job, JobPodOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Verdict == JobVerdict.Running && job.Status?.Active == 1)
        {
            return;
        }

        await writeLock.WaitAsync(cancellationToken);
        try
        {
            await JobPodWriter.WriteAsync(client, job, outcome, DateTimeOffset.UtcNow, cancellationToken);
        }
        catch (NotFoundException)
        {
            return;
        }
        finally
        {
            writeLock.Release();
        }

        var status = outcome.Verdict == JobVerdict.Running
            ? new JsonObject { ["startTime"] = Now(), ["active"] = 1 }
            : FinishedStatus(outcome.Verdict == JobVerdict.Complete, outcome.FailureReason);
        await PatchStatusAsync<Job>(job, new JsonObject { ["status"] = status }, cancellationToken);
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject FinishedStatus(bool complete, string reason)
    {
        var now = Now();
        var status = new JsonObject
        {
            ["startTime"] = now,
            ["active"] = 0,
            [complete ? "succeeded" : "failed"] = 1,
            ["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = complete ? "Complete" : "Failed",
                ["status"] = "True",
                ["reason"] = reason,
                ["message"] = complete ? "Job completed"
                    : reason == "DeadlineExceeded" ? "Job was active longer than specified deadline"
                    : "Job has reached the specified backoff limit",
                ["lastProbeTime"] = now,
                ["lastTransitionTime"] = now,
            }),
        };
        if (complete)
        {
            status["completionTime"] = now;
        }

        return status;
    }

    private async Task PatchStatusAsync<T>(T obj, JsonObject patch, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<T>
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            await client.MergePatchAsync<T>(obj.Metadata.Name!, obj.Metadata.Namespace, patch, "status", cancellationToken);
        }
        catch (NotFoundException)
        {
            // Deleted while we looked at it: nothing left to report on.
        }
        finally
        {
            writeLock.Release();
        }
    }
}
