namespace Kube.Testing.Admission;

/// <summary>A webhook's <c>clientConfig.service</c>: where in the cluster it would be reached.</summary>
internal sealed record WebhookService(string Namespace, string Name, int Port, string? Path);

/// <summary>Turns a webhook service reference into the base URL (scheme, host, port) to call, since there is no cluster DNS.</summary>
internal delegate Uri WebhookServiceResolver(WebhookService service);
