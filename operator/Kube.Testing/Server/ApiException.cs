using System.Text.Json.Nodes;

namespace Kube.Testing.Server;

/// <summary>Ends a request with a Kubernetes <c>Status</c> failure body; thrown inside handlers, turned into the response at the top.</summary>
internal sealed class ApiException(JsonObject status) : Exception(status["message"]?.GetValue<string>())
{
    public JsonObject Status { get; } = status;

    public int Code => Status["code"]!.GetValue<int>();

    /// <summary>Extra response headers, e.g. Retry-After.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
