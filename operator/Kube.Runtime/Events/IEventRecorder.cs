using Kube.Models;

namespace Kube.Runtime.Events;

/// <summary>Records events about objects for <c>kubectl describe</c>; never throws and never blocks the caller.</summary>
public interface IEventRecorder
{
    /// <param name="regarding">The object the event is about.</param>
    /// <param name="type">Normal, or Warning for something a user should look at.</param>
    /// <param name="reason">UpperCamelCase, machine-readable, e.g. <c>ReleaseCreated</c>.</param>
    /// <param name="action">What was being done, e.g. <c>Reconcile</c> or <c>Build</c>.</param>
    /// <param name="note">Human-readable detail; cut to 1 kB.</param>
    void Record(IKubernetesObject regarding, EventType type, string reason, string action, string note);
}
