namespace Kube.Testing.Admission;

/// <summary>A webhook that could not be called or answered wrongly; the message is the reason after <c>failed calling webhook "name": </c>.</summary>
internal sealed class WebhookCallException(string message, Exception? inner = null) : Exception(message, inner);
