namespace Paas.Controllers.Builds;

/// <summary>How one step (container) of a build pod ended, from its <c>state.terminated</c>.</summary>
public sealed record StepTermination(string Step, int ExitCode, string? Reason, string? Message)
{
    public bool Succeeded => ExitCode == 0;
}
