namespace Kube.Runtime.Events;

/// <summary>The two kinds of Kubernetes event.</summary>
public enum EventType
{
    Normal,
    Warning,
}
