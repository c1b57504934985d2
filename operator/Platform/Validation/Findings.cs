namespace Paas.Platform.Validation;

/// <summary>Collects errors and warnings while a validator walks an object, so that all are reported at once.</summary>
internal sealed class Findings
{
    private readonly List<ValidationError> errors = [];
    private readonly List<ValidationWarning> warnings = [];

    /// <summary>Adds the error; null (a check that passed) adds nothing.</summary>
    public void Add(ValidationError? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }

    public void AddRange(IEnumerable<ValidationError> more) => errors.AddRange(more);

    public void Warn(string field, string text) => warnings.Add(new ValidationWarning(field, text));

    public void WarnRange(IEnumerable<ValidationWarning> more) => warnings.AddRange(more);

    public void Include(ValidationResult result)
    {
        errors.AddRange(result.Errors);
        warnings.AddRange(result.Warnings);
    }

    public ValidationResult ToResult() => new([.. errors], [.. warnings]);
}
