using System.Globalization;
using System.Text.RegularExpressions;

namespace Kube.Testing.Schema.Cel;

/// <summary>Evaluates a parsed CEL expression against variables; errors surface as <see cref="CelException"/>.</summary>
internal sealed class CelEvaluator(IReadOnlyDictionary<string, object?> variables, TimeSpan regexTimeout)
{
    private readonly Dictionary<string, object?> _locals = new(StringComparer.Ordinal);

    public object? Evaluate(CelExpression expression) => expression switch
    {
        CelLiteral literal => literal.Value,
        CelIdentifier identifier => _locals.TryGetValue(identifier.Name, out var local) ? local
            : variables.TryGetValue(identifier.Name, out var variable) ? variable
            : throw new CelException($"no such attribute: {identifier.Name}"),
        CelSelect select => Select(select),
        CelIndex index => IndexInto(Evaluate(index.Operand), Evaluate(index.Index)),
        CelCall call => Call(call),
        CelUnary unary => Unary(unary),
        CelBinary { Operator: "&&" } and => Logical(and, stopOn: false),
        CelBinary { Operator: "||" } or => Logical(or, stopOn: true),
        CelBinary binary => Binary(binary.Operator, Evaluate(binary.Left), Evaluate(binary.Right)),
        CelConditional conditional => AsBool(Evaluate(conditional.Condition), "?:")
            ? Evaluate(conditional.WhenTrue) : Evaluate(conditional.WhenFalse),
        CelList list => list.Items.Select(Evaluate).ToList(),
        CelMap map => BuildMap(map),
        CelComprehension comprehension => Comprehend(comprehension),
        _ => throw new CelException($"unsupported expression {expression.GetType().Name}"),
    };

    private object? Select(CelSelect select)
    {
        var operand = Evaluate(select.Operand);
        if (operand is not Dictionary<object, object?> map)
        {
            throw new CelException($"no such key: {select.Field}");
        }
        if (select.PresenceTest)
        {
            return map.ContainsKey(select.Field);
        }
        return map.TryGetValue(select.Field, out var value) ? value : throw new CelException($"no such key: {select.Field}");
    }

    private static object? IndexInto(object? operand, object? index) => operand switch
    {
        List<object?> list when index is long i => i >= 0 && i < list.Count ? list[(int)i] : throw new CelException($"index out of range: {i}"),
        Dictionary<object, object?> map when index is not null => map.TryGetValue(index, out var value) ? value
            : throw new CelException($"no such key: {CelValues.Format(index)}"),
        _ => throw new CelException($"no such overload: {CelValues.TypeName(operand)}[{CelValues.TypeName(index)}]"),
    };

    // CEL's logical operators absorb an error on one side when the other side decides the result.
    private bool Logical(CelBinary binary, bool stopOn)
    {
        CelException? leftError = null;
        try
        {
            if (AsBool(Evaluate(binary.Left), binary.Operator) == stopOn)
            {
                return stopOn;
            }
        }
        catch (CelException error)
        {
            leftError = error;
        }
        var right = AsBool(Evaluate(binary.Right), binary.Operator);
        if (right == stopOn)
        {
            return stopOn;
        }
        return leftError is null ? !stopOn : throw leftError;
    }

    private object? Unary(CelUnary unary)
    {
        var operand = Evaluate(unary.Operand);
        return (unary.Operator, operand) switch
        {
            ("!", bool b) => !b,
            ("-", long l) => l == long.MinValue ? throw new CelException("int overflow") : -l,
            ("-", double d) => -d,
            _ => throw new CelException($"no such overload: {unary.Operator}{CelValues.TypeName(operand)}"),
        };
    }

    private static object? Binary(string op, object? left, object? right)
    {
        switch (op)
        {
            case "==": return CelValues.AreEqual(left, right);
            case "!=": return !CelValues.AreEqual(left, right);
            case "<": return CelValues.Compare(left, right) < 0;
            case "<=": return CelValues.Compare(left, right) <= 0;
            case ">": return CelValues.Compare(left, right) > 0;
            case ">=": return CelValues.Compare(left, right) >= 0;
            case "in":
                return right switch
                {
                    List<object?> list => list.Any(item => CelValues.AreEqual(item, left)),
                    Dictionary<object, object?> map => left is not null && map.ContainsKey(left),
                    _ => throw new CelException($"no such overload: {CelValues.TypeName(left)} in {CelValues.TypeName(right)}"),
                };
        }
        try
        {
            return (op, left, right) switch
            {
                ("+", long a, long b) => checked(a + b),
                ("-", long a, long b) => checked(a - b),
                ("*", long a, long b) => checked(a * b),
                ("/", long, 0L) or ("%", long, 0L) => throw new CelException(op == "/" ? "division by zero" : "modulus by zero"),
                ("/", long a, long b) => a / b,
                ("%", long a, long b) => a % b,
                ("+", double a, double b) => a + b,
                ("-", double a, double b) => a - b,
                ("*", double a, double b) => a * b,
                ("/", double a, double b) => a / b,
                ("+", string a, string b) => a + b,
                ("+", List<object?> a, List<object?> b) => a.Concat(b).ToList(),
                _ => throw new CelException($"no such overload: {CelValues.TypeName(left)} {op} {CelValues.TypeName(right)}"),
            };
        }
        catch (OverflowException)
        {
            throw new CelException("int overflow");
        }
    }

    private object? Call(CelCall call)
    {
        var target = call.Target is null ? (object?)null : Evaluate(call.Target);
        var args = call.Arguments.Select(Evaluate).ToList();
        if (call.Target is null && call.Function is "size" or "matches" && args.Count > 0)
        {
            target = args[0];
            args.RemoveAt(0);
        }
        return (call.Function, target, args.Count) switch
        {
            ("size", string s, 0) => (long)s.EnumerateRunes().Count(),
            ("size", List<object?> list, 0) => (long)list.Count,
            ("size", Dictionary<object, object?> map, 0) => (long)map.Count,
            ("startsWith", string s, 1) when args[0] is string p => s.StartsWith(p, StringComparison.Ordinal),
            ("endsWith", string s, 1) when args[0] is string p => s.EndsWith(p, StringComparison.Ordinal),
            ("contains", string s, 1) when args[0] is string p => s.Contains(p, StringComparison.Ordinal),
            ("matches", string s, 1) when args[0] is string p => Matches(s, p),
            ("lowerAscii", string s, 0) => s.ToLowerInvariant(),
            ("upperAscii", string s, 0) => s.ToUpperInvariant(),
            ("trim", string s, 0) => s.Trim(),
            ("split", string s, 1) when args[0] is string separator => s.Split(separator).Select(part => (object?)part).ToList(),
            ("join", List<object?> list, 0) => string.Concat(list.Select(CelValues.Format)),
            ("join", List<object?> list, 1) when args[0] is string separator => string.Join(separator, list.Select(CelValues.Format)),
            ("int", null, 1) => ToInt(args[0]),
            ("double", null, 1) => ToDouble(args[0]),
            ("string", null, 1) => args[0] is string or long or double or bool ? CelValues.Format(args[0]) : throw NoOverload(call, args),
            ("dyn", null, 1) => args[0],
            _ => throw NoOverload(call, target is null ? args : [target, .. args]),
        };
    }

    private bool Matches(string value, string pattern)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, regexTimeout);
        }
        catch (ArgumentException error)
        {
            throw new CelException($"invalid regular expression '{pattern}': {error.Message}");
        }
        catch (RegexMatchTimeoutException)
        {
            throw new CelException($"regular expression '{pattern}' took too long");
        }
    }

    private static long ToInt(object? value) => value switch
    {
        long l => l,
        double d when d is >= long.MinValue and < long.MaxValue => (long)Math.Truncate(d),
        string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        _ => throw new CelException($"cannot convert {CelValues.TypeName(value)} '{CelValues.Format(value)}' to int"),
    };

    private static double ToDouble(object? value) => value switch
    {
        double d => d,
        long l => l,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new CelException($"cannot convert {CelValues.TypeName(value)} '{CelValues.Format(value)}' to double"),
    };

    private Dictionary<object, object?> BuildMap(CelMap map)
    {
        var result = new Dictionary<object, object?>();
        foreach (var (keyExpression, valueExpression) in map.Entries)
        {
            var key = Evaluate(keyExpression) ?? throw new CelException("map key may not be null");
            if (!result.TryAdd(key, Evaluate(valueExpression)))
            {
                throw new CelException($"duplicate map key: {CelValues.Format(key)}");
            }
        }
        return result;
    }

    private object? Comprehend(CelComprehension comprehension)
    {
        var range = Evaluate(comprehension.Range) switch
        {
            List<object?> list => list,
            Dictionary<object, object?> map => map.Keys.Select(key => (object?)key).ToList(),
            var other => throw new CelException($"{comprehension.Macro}() needs a list or map, not {CelValues.TypeName(other)}"),
        };
        var shadowed = _locals.TryGetValue(comprehension.Variable, out var previous);
        try
        {
            return comprehension.Macro switch
            {
                "all" => range.All(item => Test(comprehension, item)),
                "exists" => range.Any(item => Test(comprehension, item)),
                "exists_one" => range.Count(item => Test(comprehension, item)) == 1,
                "filter" => range.Where(item => Test(comprehension, item)).ToList(),
                "map" => range.Where(item => comprehension.Predicate is null || Test(comprehension, item))
                    .Select(item => With(comprehension.Variable, item, comprehension.Transform!)).ToList(),
                _ => throw new CelException($"unsupported macro {comprehension.Macro}"),
            };
        }
        finally
        {
            if (shadowed)
            {
                _locals[comprehension.Variable] = previous;
            }
            else
            {
                _locals.Remove(comprehension.Variable);
            }
        }
    }

    private bool Test(CelComprehension comprehension, object? item) =>
        AsBool(With(comprehension.Variable, item, comprehension.Predicate!), comprehension.Macro);

    private object? With(string variable, object? item, CelExpression body)
    {
        _locals[variable] = item;
        return Evaluate(body);
    }

    private static bool AsBool(object? value, string context) =>
        value as bool? ?? throw new CelException($"no such overload: {context} needs bool, got {CelValues.TypeName(value)}");

    private static CelException NoOverload(CelCall call, IEnumerable<object?> args) =>
        new($"no such overload: {call.Function}({string.Join(", ", args.Select(CelValues.TypeName))})");
}
