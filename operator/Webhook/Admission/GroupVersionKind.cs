namespace Paas.Webhook.Admission;

/// <summary>A Kubernetes group, version and kind.</summary>
public sealed record GroupVersionKind(string? Group, string? Version, string? Kind);
