namespace Kube.Testing.Schema.Cel;

/// <summary>A node of a parsed CEL expression.</summary>
internal abstract record CelExpression;

/// <summary>A literal: null, bool, long, double or string.</summary>
internal sealed record CelLiteral(object? Value) : CelExpression;

/// <summary>A variable: <c>self</c>, <c>oldSelf</c> or a comprehension's variable.</summary>
internal sealed record CelIdentifier(string Name) : CelExpression;

/// <summary><c>operand.field</c>; with <paramref name="PresenceTest"/> it is <c>has(operand.field)</c>.</summary>
internal sealed record CelSelect(CelExpression Operand, string Field, bool PresenceTest) : CelExpression;

/// <summary><c>operand[index]</c>.</summary>
internal sealed record CelIndex(CelExpression Operand, CelExpression Index) : CelExpression;

/// <summary>A function call, global (<c>size(x)</c>) or on a receiver (<c>x.startsWith(y)</c>).</summary>
internal sealed record CelCall(CelExpression? Target, string Function, IReadOnlyList<CelExpression> Arguments) : CelExpression;

/// <summary>A unary operator: <c>!</c> or <c>-</c>.</summary>
internal sealed record CelUnary(string Operator, CelExpression Operand) : CelExpression;

/// <summary>A binary operator, including <c>&amp;&amp;</c>, <c>||</c> and <c>in</c>.</summary>
internal sealed record CelBinary(string Operator, CelExpression Left, CelExpression Right) : CelExpression;

/// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
internal sealed record CelConditional(CelExpression Condition, CelExpression WhenTrue, CelExpression WhenFalse) : CelExpression;

/// <summary>A list literal.</summary>
internal sealed record CelList(IReadOnlyList<CelExpression> Items) : CelExpression;

/// <summary>A map literal.</summary>
internal sealed record CelMap(IReadOnlyList<(CelExpression Key, CelExpression Value)> Entries) : CelExpression;

/// <summary>A macro over a list or map: all, exists, exists_one, map or filter.</summary>
internal sealed record CelComprehension(string Macro, CelExpression Range, string Variable, CelExpression? Predicate, CelExpression? Transform) : CelExpression;
