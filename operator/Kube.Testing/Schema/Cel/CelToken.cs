namespace Kube.Testing.Schema.Cel;

/// <summary>The kinds of token in a CEL expression.</summary>
internal enum CelTokenKind
{
    Int,
    Double,
    String,
    Identifier,
    Operator,
    End,
}

/// <summary>One token: its kind, its text (operators, names) or parsed value (literals), and where it starts.</summary>
internal sealed record CelToken(CelTokenKind Kind, string Text, object? Value, int Position);
