using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Kube.Models;
using Paas.Cli.Cluster;

namespace Paas.Cli.Output;

/// <summary><c>--json</c>: objects exactly as the API server returned them, indented, for scripts and <c>jq</c>.</summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Option<bool> Option() => new("--json") { Description = "Print JSON, as the API server returns the objects." };

    public static Task WriteAsync<T>(CliSession session, IEnumerable<T> items)
        where T : class, IKubernetesObject<T> =>
        WriteAsync(session, new JsonArray([.. items.Select(item => Node(session, item))]));

    public static Task WriteAsync<T>(CliSession session, T item)
        where T : class, IKubernetesObject<T> =>
        WriteAsync(session, Node(session, item));

    public static Task WriteAsync(CliSession session, JsonNode? node) =>
        session.Out.WriteLineAsync(node?.ToJsonString(Indented) ?? "null");

    private static JsonNode? Node<T>(CliSession session, T item)
        where T : class, IKubernetesObject<T> =>
        JsonSerializer.SerializeToNode(item, (JsonTypeInfo<T>)session.Client.JsonOptions.GetTypeInfo(typeof(T)));
}
