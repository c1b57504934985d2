namespace Paas.Controllers.Apps;

/// <summary>How far one process type of the current Release has rolled out.</summary>
/// <param name="ProcessType">The name as in the Procfile.</param>
/// <param name="Desired">Dynos the Formation asks for (under autoscaling, what the autoscaler set).</param>
/// <param name="Ready">Dynos running the current Release's template and ready.</param>
/// <param name="RolledOut">
/// The Deployment has observed its spec, every dyno runs the new template and enough are ready; with no dynos desired,
/// once the Deployment has observed that, or when nothing reports on it (no deployment controller).
/// </param>
public sealed record ProcessRollout(string ProcessType, int Desired, int Ready, bool RolledOut)
{
    /// <summary><c>web 1/2</c>: the type with ready and desired dynos, as messages show it.</summary>
    public override string ToString() => $"{ProcessType} {Ready}/{Desired}";
}
