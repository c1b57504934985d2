namespace Paas.Platform.Sources;

/// <summary>What a resolved commit asks for: nothing, recording a Build that already exists, or a new Build.</summary>
/// <param name="Kind">Which of the three.</param>
/// <param name="BuildName">The Build to record or create; null for <see cref="AutoBuildDecisionKind.UpToDate"/>.</param>
/// <param name="Attempt">For a new Build, which Build of this commit it is (1 for the first).</param>
public sealed record AutoBuildDecision(AutoBuildDecisionKind Kind, string? BuildName, int Attempt)
{
    public static AutoBuildDecision UpToDate { get; } = new(AutoBuildDecisionKind.UpToDate, null, 0);
}
