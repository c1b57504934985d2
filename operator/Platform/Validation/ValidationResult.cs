namespace Paas.Platform.Validation;

/// <summary>Every error and warning found in one object; valid when there are no errors.</summary>
public sealed record ValidationResult(IReadOnlyList<ValidationError> Errors, IReadOnlyList<ValidationWarning> Warnings)
{
    public static ValidationResult Valid { get; } = new([], []);

    public bool IsValid => Errors.Count == 0;

    /// <summary>The error messages, one per line, as an admission response or a CLI prints them.</summary>
    public string Describe() => string.Join('\n', Errors.Select(e => e.Message));
}
