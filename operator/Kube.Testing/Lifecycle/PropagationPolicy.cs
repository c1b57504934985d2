namespace Kube.Testing.Lifecycle;

/// <summary>What happens to an owner's dependents when it is deleted (DeleteOptions.propagationPolicy).</summary>
internal enum PropagationPolicy
{
    Background,
    Foreground,
    Orphan,
}
