using Paas.Platform.Releases;

namespace Paas.Controllers.Config;

/// <summary>An App's config vars as resolved now, or the first spec.configFrom source that is missing.</summary>
/// <param name="Config">spec.configFrom merged in order, then spec.config over all; empty when <paramref name="Missing"/> is set.</param>
/// <param name="Missing">A message naming the missing source's field, its name and the fix; null when all sources exist.</param>
public sealed record ResolvedConfig(ConfigSnapshot Config, string? Missing);
