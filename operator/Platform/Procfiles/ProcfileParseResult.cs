using Paas.Platform.Validation;

namespace Paas.Platform.Procfiles;

/// <summary>The process types of a Procfile with every error and warning found, in line order.</summary>
public sealed record ProcfileParseResult(
    IReadOnlyList<ProcessType> ProcessTypes,
    IReadOnlyList<ValidationError> Errors,
    IReadOnlyList<ValidationWarning> Warnings)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>Process type name as written to command, the shape of a Release's <c>spec.processTypes</c>.</summary>
    public IReadOnlyDictionary<string, string> ToProcessTypeMap() =>
        ProcessTypes.ToDictionary(p => p.Name, p => p.Command, StringComparer.Ordinal);

    public ValidationResult ToValidationResult() => new(Errors, Warnings);
}
