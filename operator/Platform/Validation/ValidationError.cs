namespace Paas.Platform.Validation;

/// <summary>
/// One reason an object is rejected, shaped like a good compiler error: where (field path and, for
/// Procfiles, line), what (the offending value), why (the rule) and what to do (the fix).
/// </summary>
public sealed record ValidationError
{
    /// <summary>Field path from the object root, e.g. <c>spec.config</c> or <c>spec.processes.web.quantity</c>.</summary>
    public required string Field { get; init; }

    /// <summary>1-based line for errors inside multi-line text such as a Procfile.</summary>
    public int? Line { get; init; }

    /// <summary>What the value is, e.g. <c>key</c> or <c>name</c>; <c>value</c> when not set; empty to show the value alone (Procfile lines).</summary>
    public string? Subject { get; init; }

    /// <summary>The offending value as shown in the message (strings quoted), or null when the problem is an absence or a combination.</summary>
    public string? Value { get; init; }

    /// <summary>The rule broken, e.g. <c>config var keys may contain only letters, digits and underscores (^[A-Za-z0-9_]+$)</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>What to do about it, e.g. <c>rename it, e.g. "FOO_BAR"</c>.</summary>
    public required string Fix { get; init; }

    /// <summary>The whole error in one line: <c>field[ line N]: subject value is invalid: rule; fix</c>.</summary>
    public string Message
    {
        get
        {
            var location = Line is { } line ? $"{Field} line {line}" : Field;
            return Value is null
                ? $"{location}: {Rule}; {Fix}"
                : $"{location}: {SubjectPrefix}{Value} is invalid: {Rule}; {Fix}";
        }
    }

    private string SubjectPrefix => Subject switch
    {
        null => "value ",
        "" => "",
        _ => Subject + " ",
    };

    public override string ToString() => Message;

    /// <summary>An error about a value that is present but wrong.</summary>
    public static ValidationError Invalid(string field, string value, string rule, string fix, string? subject = null) =>
        new() { Field = field, Value = value, Rule = rule, Fix = fix, Subject = subject };

    /// <summary>An error about something missing or about a combination of fields.</summary>
    public static ValidationError Because(string field, string rule, string fix) =>
        new() { Field = field, Rule = rule, Fix = fix };
}
