using Kube.Models;

namespace Paas.Platform.Rendering.Offline;

/// <summary>What the operator would create for some manifests, or why it would not.</summary>
/// <param name="Objects">Per App: its Release, config snapshot Secret, release-phase Job and workloads, in the order the operator applies them.</param>
/// <param name="Errors">What stops a manifest from rendering: each names the object, the field, the value and the fix.</param>
/// <param name="Warnings">What renders, but differently from a cluster (e.g. config vars from Secrets, which are not read).</param>
public sealed record OfflineRenderResult(IReadOnlyList<IKubernetesObject> Objects, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Errors.Count == 0;
}
