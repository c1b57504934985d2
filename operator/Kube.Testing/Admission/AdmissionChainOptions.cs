using System.Text.Json.Nodes;

namespace Kube.Testing.Admission;

/// <summary>How the admission chain reaches webhooks and whom it says the requests come from.</summary>
internal sealed record AdmissionChainOptions
{
    /// <summary>Allows <c>http://</c> in <c>clientConfig.url</c>; for tests only, since Kubernetes requires https.</summary>
    public bool AllowInsecureHttp { get; init; }

    /// <summary>The <c>userInfo</c> sent in every AdmissionReview.</summary>
    public JsonObject UserInfo { get; init; } = new()
    {
        ["username"] = "system:admin",
        ["groups"] = new JsonArray("system:masters", "system:authenticated"),
    };
}
