namespace Kube.Testing.Schema.Cel;

/// <summary>A compiled CEL expression over <c>self</c> and, for transition rules, <c>oldSelf</c>.</summary>
internal sealed class CelProgram
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    private readonly CelExpression _expression;

    private CelProgram(string text, CelExpression expression, bool usesOldSelf)
    {
        Text = text;
        _expression = expression;
        UsesOldSelf = usesOldSelf;
    }

    public string Text { get; }

    /// <summary>A transition rule: Kubernetes evaluates it only on updates where the old value exists.</summary>
    public bool UsesOldSelf { get; }

    /// <summary>Parses and checks a validation rule over <c>self</c> and <c>oldSelf</c>; throws <see cref="CelException"/> for syntax or constructs outside the supported subset.</summary>
    public static CelProgram Compile(string text) => Compile(text, ["self", "oldSelf"]);

    /// <summary>Parses and checks an expression over the given variables (e.g. <c>object</c>, <c>request</c> for admission match conditions).</summary>
    public static CelProgram Compile(string text, IEnumerable<string> variables)
    {
        var expression = CelParser.Parse(text, variables);
        return new CelProgram(text, expression, References(expression, "oldSelf"));
    }

    public object? Evaluate(IReadOnlyDictionary<string, object?> variables) => new CelEvaluator(variables, RegexTimeout).Evaluate(_expression);

    public object? Evaluate(object? self, object? oldSelf)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal) { ["self"] = self };
        if (UsesOldSelf)
        {
            variables["oldSelf"] = oldSelf;
        }
        return Evaluate(variables);
    }

    private static bool References(CelExpression expression, string name) => expression switch
    {
        CelIdentifier identifier => identifier.Name == name,
        CelSelect select => References(select.Operand, name),
        CelIndex index => References(index.Operand, name) || References(index.Index, name),
        CelCall call => (call.Target is not null && References(call.Target, name)) || call.Arguments.Any(a => References(a, name)),
        CelUnary unary => References(unary.Operand, name),
        CelBinary binary => References(binary.Left, name) || References(binary.Right, name),
        CelConditional c => References(c.Condition, name) || References(c.WhenTrue, name) || References(c.WhenFalse, name),
        CelList list => list.Items.Any(item => References(item, name)),
        CelMap map => map.Entries.Any(entry => References(entry.Key, name) || References(entry.Value, name)),
        CelComprehension c => References(c.Range, name) || (c.Variable != name && ((c.Predicate is not null && References(c.Predicate, name))
            || (c.Transform is not null && References(c.Transform, name)))),
        _ => false,
    };
}
