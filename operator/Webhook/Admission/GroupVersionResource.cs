namespace Paas.Webhook.Admission;

/// <summary>A Kubernetes group, version and resource (plural).</summary>
public sealed record GroupVersionResource(string? Group, string? Version, string? Resource);
