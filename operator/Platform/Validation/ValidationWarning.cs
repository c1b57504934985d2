namespace Paas.Platform.Validation;

/// <summary>Something accepted but worth telling the user, returned as an admission warning.</summary>
/// <param name="Field">Field path from the object root.</param>
/// <param name="Text">What happened and what, if anything, to do.</param>
public sealed record ValidationWarning(string Field, string Text)
{
    /// <summary>The warning in one line: <c>field: text</c>.</summary>
    public string Message => $"{Field}: {Text}";

    public override string ToString() => Message;
}
