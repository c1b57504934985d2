using Kube.Models;

namespace Paas.Controllers.Dynos;

/// <summary>What to do now with the dynos of one process type.</summary>
/// <param name="Restart">The one pod to delete now, or null.</param>
/// <param name="LookAgainAfter">When to plan again; null when there is nothing to watch for.</param>
/// <param name="Reason">Why, in a sentence, for logs and events.</param>
public sealed record DynoCyclePlan(Pod? Restart, TimeSpan? LookAgainAfter, string Reason);
