using Kube.Client;
using Kube.Models;
using Paas.Cli.Cluster;
using Paas.Platform.Api;

namespace Paas.Cli.Logs;

/// <summary>Reads the logs of an App's dynos through the API server (<c>GET /api/v1/namespaces/{ns}/pods/{pod}/log</c>).</summary>
public sealed class DynoLogs(CliSession session)
{
    /// <summary>The App's dyno pods, of one process type when <paramref name="kubernetesProcessType"/> is given, found by the labels the renderers set.</summary>
    public async Task<IReadOnlyList<Pod>> FindDynosAsync(string app, string? kubernetesProcessType, CancellationToken cancellationToken)
    {
        var selector = kubernetesProcessType is null
            ? $"{PaasLabels.App}={app},{PaasLabels.ProcessType}"
            : $"{PaasLabels.App}={app},{PaasLabels.ProcessType}={kubernetesProcessType}";
        var pods = await session.Client.ListAllAsync<Pod>(session.Namespace, new ListOptions { LabelSelector = selector }, cancellationToken: cancellationToken);
        return [.. pods.Items.OrderBy(pod => pod.Metadata.Name, StringComparer.Ordinal)];
    }

    /// <summary>The last <paramref name="lines"/> lines of every dyno, merged in time order.</summary>
    public async Task<IReadOnlyList<LogLine>> ReadAsync(IReadOnlyList<Pod> dynos, int lines, CancellationToken cancellationToken)
    {
        var perDyno = await Task.WhenAll(dynos.Select(async pod =>
        {
            using var response = await OpenAsync(pod, lines, follow: false, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => LogLine.Parse(DynoName(pod), line.TrimEnd('\r'))).ToList();
        }));
        return [.. perDyno.SelectMany(lines => lines).OrderBy(line => line.Timestamp, StringComparer.Ordinal)];
    }

    /// <summary>Streams every dyno's log (the last <paramref name="lines"/> lines first) to <paramref name="write"/> until cancelled or all streams end.</summary>
    public async Task FollowAsync(IReadOnlyList<Pod> dynos, int lines, Func<LogLine, Task> write, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(1, 1);
        await Task.WhenAll(dynos.Select(async pod =>
        {
            using var response = await OpenAsync(pod, lines, follow: true, cancellationToken);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    await write(LogLine.Parse(DynoName(pod), line));
                }
                finally
                {
                    gate.Release();
                }
            }
        }));
    }

    /// <summary>Heroku's dyno name: the process type and the pod's own suffix, e.g. <c>web.x7k2p</c>.</summary>
    public static string DynoName(Pod pod)
    {
        var name = pod.Metadata.Name ?? "unknown";
        var type = pod.Metadata.Labels?.GetValueOrDefault(PaasLabels.ProcessType) ?? "dyno";
        var dash = name.LastIndexOf('-');
        return $"{type}.{(dash < 0 ? name : name[(dash + 1)..])}";
    }

    private Task<HttpResponseMessage> OpenAsync(Pod pod, int lines, bool follow, CancellationToken cancellationToken) =>
        new PodLogEndpoint(session).OpenAsync(
            pod.Metadata.Name!, new PodLogQuery(TailLines: lines, Follow: follow, Timestamps: true), $"logs of dyno {DynoName(pod)} (pod {pod.Metadata.Name})", cancellationToken);
}
