namespace Paas.Platform.Releases;

/// <summary>What the planner decided: a Release to create, nothing to do, or a request it must refuse.</summary>
public sealed record ReleaseDecision
{
    private ReleaseDecision(ReleaseDecisionKind kind, ReleasePlan? plan, string message)
    {
        Kind = kind;
        Plan = plan;
        Message = message;
    }

    public ReleaseDecisionKind Kind { get; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="ReleaseDecisionKind.Create"/>.</summary>
    public ReleasePlan? Plan { get; }

    /// <summary>Why, in a sentence for a condition message or an event.</summary>
    public string Message { get; }

    public static ReleaseDecision Create(ReleasePlan plan) =>
        new(ReleaseDecisionKind.Create, plan ?? throw new ArgumentNullException(nameof(plan)), plan.Release.Spec.Description ?? string.Empty);

    public static ReleaseDecision UpToDate(string message) => new(ReleaseDecisionKind.UpToDate, null, message);

    /// <summary>Nothing can be released yet, e.g. no image exists before the first Build.</summary>
    public static ReleaseDecision NotYet(string message) => new(ReleaseDecisionKind.NotYet, null, message);

    /// <summary>The request cannot be honoured as written; the message names the field, the value and the fix.</summary>
    public static ReleaseDecision Rejected(string message) => new(ReleaseDecisionKind.Rejected, null, message);
}

/// <summary>The kinds of <see cref="ReleaseDecision"/>.</summary>
public enum ReleaseDecisionKind
{
    Create,
    UpToDate,
    NotYet,
    Rejected,
}
