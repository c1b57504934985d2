using Kube.Testing.Schema.Cel;

namespace Kube.Testing.Schema;

/// <summary>One compiled <c>x-kubernetes-validations</c> rule with its message, field path and reason.</summary>
internal sealed record ValidationRule(CelProgram Rule, string? Message, CelProgram? MessageExpression, string? FieldPath, string Reason);
