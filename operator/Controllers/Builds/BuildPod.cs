using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;
using Paas.Platform.Builds;

namespace Paas.Controllers.Builds;

/// <summary>A build Job's pod as the controller reads it: its name and how each of its steps ended so far.</summary>
public sealed record BuildPod(string Name, IReadOnlyDictionary<string, StepTermination> Terminations)
{
    private static readonly ResourceType Pods = new(string.Empty, "v1", "Pod", "pods", Namespaced: true);

    /// <summary>The termination of <paramref name="step"/>, or null while it has not ended.</summary>
    public StepTermination? Of(string step) => Terminations.GetValueOrDefault(step);

    /// <summary>
    /// The pod of Job <paramref name="jobName"/>, by the <c>job-name</c> label the Job controller sets; the newest
    /// when several exist. Null when it is gone. Read from the API server: the operator does not cache pods.
    /// </summary>
    public static async Task<BuildPod?> ReadAsync(IDynamicKubeClient client, string? @namespace, string jobName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var list = await client.ListAsync(Pods, @namespace, new ListOptions { LabelSelector = $"{BuildLabels.JobName}={jobName}" }, cancellationToken);
        var pod = (list["items"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .OrderByDescending(item => (string?)item["metadata"]?["creationTimestamp"], StringComparer.Ordinal)
            .ThenBy(item => (string?)item["metadata"]?["name"], StringComparer.Ordinal)
            .FirstOrDefault();
        return pod is null ? null : From(pod);
    }

    internal static BuildPod From(JsonObject pod)
    {
        var terminations = new Dictionary<string, StepTermination>(StringComparer.Ordinal);
        foreach (var field in new[] { "initContainerStatuses", "containerStatuses" })
        {
            foreach (var status in pod["status"]?[field] as JsonArray ?? [])
            {
                if (status?["state"]?["terminated"] is JsonObject terminated && (string?)status["name"] is { } name)
                {
                    terminations[name] = new StepTermination(name, (int?)terminated["exitCode"] ?? -1, (string?)terminated["reason"], (string?)terminated["message"]);
                }
            }
        }

        return new BuildPod((string?)pod["metadata"]?["name"] ?? string.Empty, terminations);
    }
}
