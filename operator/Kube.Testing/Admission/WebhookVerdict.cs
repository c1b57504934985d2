using System.Text.Json.Nodes;

namespace Kube.Testing.Admission;

/// <summary>What one webhook answered: allowed (with an optional JSON Patch), or denied with a code and message; plus its warnings.</summary>
internal sealed record WebhookVerdict(bool Allowed, JsonArray? Patch, int Code, string Message, IReadOnlyList<string> Warnings);
