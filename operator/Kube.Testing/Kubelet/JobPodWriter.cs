using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;

namespace Kube.Testing.Kubelet;

/// <summary>
/// Creates the pod the Job controller would create for a Job, then writes the container statuses a test decided,
/// as the kubelet reports them: <c>state.terminated{exitCode, reason, message}</c> or <c>state.running</c>.
/// </summary>
internal static class JobPodWriter
{
    private static readonly ResourceType Pods = new(string.Empty, "v1", "Pod", "pods", Namespaced: true);

    /// <summary>Like the Job controller's <c>&lt;job&gt;-&lt;5 characters&gt;</c>, but derived from the Job's uid so a retry finds the same pod.</summary>
    public static string PodName(Job job)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(job.Metadata.Uid ?? job.Metadata.Name!)))[..5];
        return $"{job.Metadata.Name}-{hash}";
    }

    public static async Task WriteAsync(IKubeClient client, Job job, JobPodOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kube = client as KubeClient ?? throw new InvalidOperationException("TestKubeletOptions.JobPod needs the kubelet to run on a KubeClient, which has the dynamic API.");
        var name = PodName(job);
        var labels = new JsonObject();
        foreach (var (key, value) in job.Spec?.Template.Metadata?.Labels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        labels["job-name"] = job.Metadata.Name;
        labels["batch.kubernetes.io/job-name"] = job.Metadata.Name;
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = job.Metadata.Namespace,
                ["labels"] = labels,
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "batch/v1",
                    ["kind"] = "Job",
                    ["name"] = job.Metadata.Name,
                    ["uid"] = job.Metadata.Uid,
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = job.Spec is null ? new JsonObject() : JsonSerializer.SerializeToNode(job.Spec.Template.Spec, kube.JsonOptions),
        };
        try
        {
            await kube.Dynamic.CreateAsync(Pods, pod, cancellationToken);
        }
        catch (AlreadyExistsException)
        {
            // Written on an earlier event; the status below is rewritten the same.
        }

        var time = now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var status = new JsonObject
        {
            ["phase"] = outcome.Verdict switch { JobVerdict.Complete => "Succeeded", JobVerdict.Fail => "Failed", _ => "Running" },
            ["startTime"] = time,
            ["initContainerStatuses"] = Statuses(job, outcome.InitContainers, time, init: true),
            ["containerStatuses"] = Statuses(job, outcome.Containers, time, init: false),
        };
        await kube.Dynamic.MergePatchAsync(Pods, name, job.Metadata.Namespace, new JsonObject { ["status"] = status }, "status", cancellationToken);
    }

    private static JsonArray Statuses(Job job, IReadOnlyList<ContainerOutcome> outcomes, string time, bool init)
    {
        var spec = job.Spec?.Template.Spec;
        var containers = (init ? spec?.InitContainers : spec?.Containers) ?? [];
        var statuses = new JsonArray();
        foreach (var outcome in outcomes)
        {
            var state = outcome.ExitCode is { } exitCode
                ? new JsonObject
                {
                    ["terminated"] = new JsonObject
                    {
                        ["exitCode"] = exitCode,
                        ["reason"] = exitCode == 0 ? "Completed" : "Error",
                        ["message"] = outcome.Message,
                        ["startedAt"] = time,
                        ["finishedAt"] = time,
                    },
                }
                : new JsonObject { ["running"] = new JsonObject { ["startedAt"] = time } };
            statuses.Add(new JsonObject
            {
                ["name"] = outcome.Name,
                ["image"] = containers.FirstOrDefault(c => c.Name == outcome.Name)?.Image ?? string.Empty,
                ["imageID"] = string.Empty,
                ["ready"] = outcome.ExitCode is null && !init,
                ["restartCount"] = 0,
                ["state"] = state,
            });
        }

        return statuses;
    }
}
