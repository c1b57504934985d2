using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Kube.Models;
using Paas.Cli.Cluster;
using Paas.Cli.Failures;

namespace Paas.Cli.Logs;

/// <summary>What to ask the pod log endpoint for.</summary>
/// <param name="Container">The container, when the pod has several (a build pod's steps).</param>
/// <param name="TailLines">Only the last lines; null for the whole log.</param>
/// <param name="Follow">Keep the stream open for new lines.</param>
/// <param name="Timestamps">Prefix each line with the kubelet's RFC 3339 time.</param>
public sealed record PodLogQuery(string? Container = null, int? TailLines = null, bool Follow = false, bool Timestamps = false)
{
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (Timestamps)
        {
            parts.Add("timestamps=true");
        }

        if (TailLines is { } lines)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"tailLines={lines}"));
        }

        if (Follow)
        {
            parts.Add("follow=true");
        }

        if (Container is { } container)
        {
            parts.Add("container=" + Uri.EscapeDataString(container));
        }

        return string.Join('&', parts);
    }
}

/// <summary><c>GET /api/v1/namespaces/{ns}/pods/{pod}/log</c>: plain text, so it goes around the JSON client.</summary>
public sealed class PodLogEndpoint(CliSession session)
{
    /// <summary>Opens the log; <paramref name="what"/> names it in errors, e.g. "logs of dyno web.x7k2p (pod ...)".</summary>
    public async Task<HttpResponseMessage> OpenAsync(string pod, PodLogQuery query, string what, CancellationToken cancellationToken)
    {
        var path = $"/api/v1/namespaces/{Uri.EscapeDataString(session.Namespace)}/pods/{Uri.EscapeDataString(pod)}/log?{query.ToQueryString()}";
        var server = session.Config.Server;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.GetLeftPart(UriPartial.Authority) + server.AbsolutePath.TrimEnd('/') + path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        var response = await session.Raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new CommandFailedException($"{what}: HTTP {(int)response.StatusCode}: {Explain(body)}");
        }
    }

    private static string Explain(string body)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, KubeJsonContext.Default.Status) is { Message: { Length: > 0 } message })
            {
                return message;
            }
        }
        catch (JsonException)
        {
            // Not a Status: show the text as it came.
        }

        return body.Length > 300 ? body[..300] + "…" : body;
    }
}
