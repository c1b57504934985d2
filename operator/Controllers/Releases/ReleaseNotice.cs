using Kube.Runtime.Events;

namespace Paas.Controllers.Releases;

/// <summary>An Event a Release's status change announces; <paramref name="AlsoOnApp"/> repeats it on the App for <c>kubectl describe app</c>.</summary>
public sealed record ReleaseNotice(EventType Type, string Reason, string Note, bool AlsoOnApp = false);
