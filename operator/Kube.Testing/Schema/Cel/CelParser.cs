namespace Kube.Testing.Schema.Cel;

/// <summary>Parses the CEL subset CRD validation rules commonly use; anything else is rejected with a <see cref="CelException"/>.</summary>
internal sealed class CelParser
{
    private static readonly HashSet<string> GlobalFunctions = new(StringComparer.Ordinal) { "size", "int", "double", "string", "dyn", "matches" };

    private static readonly HashSet<string> MemberFunctions = new(StringComparer.Ordinal)
    {
        "size", "startsWith", "endsWith", "contains", "matches", "lowerAscii", "upperAscii", "trim", "join", "split",
    };

    private static readonly HashSet<string> Macros = new(StringComparer.Ordinal) { "all", "exists", "exists_one", "map", "filter" };

    private readonly List<CelToken> _tokens;
    private readonly Stack<string> _scope = new();
    private readonly HashSet<string> _variables;
    private int _position;

    private CelParser(string text, IEnumerable<string> variables)
    {
        _tokens = CelLexer.Tokenize(text);
        _variables = new HashSet<string>(variables, StringComparer.Ordinal);
    }

    /// <summary>Parses an expression whose free variables must be among <paramref name="variables"/>.</summary>
    public static CelExpression Parse(string text, IEnumerable<string> variables)
    {
        var parser = new CelParser(text, variables);
        var expression = parser.ParseConditional();
        if (parser.Current.Kind != CelTokenKind.End)
        {
            throw new CelException($"unexpected '{parser.Current.Text}' at position {parser.Current.Position}");
        }
        return expression;
    }

    private CelToken Current => _tokens[_position];

    private CelExpression ParseConditional()
    {
        var condition = ParseOr();
        if (!Accept("?"))
        {
            return condition;
        }
        var whenTrue = ParseOr();
        Expect(":");
        return new CelConditional(condition, whenTrue, ParseConditional());
    }

    private CelExpression ParseOr()
    {
        var left = ParseAnd();
        while (Accept("||"))
        {
            left = new CelBinary("||", left, ParseAnd());
        }
        return left;
    }

    private CelExpression ParseAnd()
    {
        var left = ParseRelation();
        while (Accept("&&"))
        {
            left = new CelBinary("&&", left, ParseRelation());
        }
        return left;
    }

    private CelExpression ParseRelation()
    {
        var left = ParseAddition();
        while (true)
        {
            if (Current is { Kind: CelTokenKind.Operator, Text: "==" or "!=" or "<" or "<=" or ">" or ">=" } op)
            {
                _position++;
                left = new CelBinary(op.Text, left, ParseAddition());
            }
            else if (Current is { Kind: CelTokenKind.Identifier, Text: "in" })
            {
                _position++;
                left = new CelBinary("in", left, ParseAddition());
            }
            else
            {
                return left;
            }
        }
    }

    private CelExpression ParseAddition()
    {
        var left = ParseMultiplication();
        while (Current is { Kind: CelTokenKind.Operator, Text: "+" or "-" } op)
        {
            _position++;
            left = new CelBinary(op.Text, left, ParseMultiplication());
        }
        return left;
    }

    private CelExpression ParseMultiplication()
    {
        var left = ParseUnary();
        while (Current is { Kind: CelTokenKind.Operator, Text: "*" or "/" or "%" } op)
        {
            _position++;
            left = new CelBinary(op.Text, left, ParseUnary());
        }
        return left;
    }

    private CelExpression ParseUnary()
    {
        if (Current is { Kind: CelTokenKind.Operator, Text: "!" or "-" } op)
        {
            _position++;
            var operand = ParseUnary();
            return op.Text == "-" && operand is CelLiteral { Value: long or double } literal
                ? new CelLiteral(literal.Value is long l ? -l : -(double)literal.Value!)
                : new CelUnary(op.Text, operand);
        }
        return ParseMember();
    }

    private CelExpression ParseMember()
    {
        var expression = ParsePrimary();
        while (true)
        {
            if (Accept("."))
            {
                var name = ExpectIdentifier();
                expression = Accept("(") ? ParseMemberCall(expression, name) : new CelSelect(expression, name, false);
            }
            else if (Accept("["))
            {
                var index = ParseConditional();
                Expect("]");
                expression = new CelIndex(expression, index);
            }
            else
            {
                return expression;
            }
        }
    }

    private CelExpression ParseMemberCall(CelExpression target, string name)
    {
        if (Macros.Contains(name))
        {
            var variable = ExpectIdentifier();
            Expect(",");
            _scope.Push(variable);
            var first = ParseConditional();
            CelExpression? second = null;
            if (Accept(","))
            {
                second = ParseConditional();
            }
            _scope.Pop();
            Expect(")");
            return name switch
            {
                "map" when second is null => new CelComprehension(name, target, variable, null, first),
                "map" => new CelComprehension(name, target, variable, first, second),
                _ when second is not null => throw new CelException($"{name}() takes a variable and one expression"),
                _ => new CelComprehension(name, target, variable, first, null),
            };
        }
        if (!MemberFunctions.Contains(name))
        {
            throw Unsupported(name);
        }
        return new CelCall(target, name, ParseArguments());
    }

    private CelExpression ParsePrimary()
    {
        var token = Current;
        _position++;
        switch (token.Kind)
        {
            case CelTokenKind.Int or CelTokenKind.Double or CelTokenKind.String:
                return new CelLiteral(token.Value);
            case CelTokenKind.Identifier:
                return ParseIdentifier(token);
            case CelTokenKind.Operator when token.Text == "(":
                var inner = ParseConditional();
                Expect(")");
                return inner;
            case CelTokenKind.Operator when token.Text == "[":
                var items = new List<CelExpression>();
                while (!Accept("]"))
                {
                    items.Add(ParseConditional());
                    if (!Accept(","))
                    {
                        Expect("]");
                        break;
                    }
                }
                return new CelList(items);
            case CelTokenKind.Operator when token.Text == "{":
                var entries = new List<(CelExpression, CelExpression)>();
                while (!Accept("}"))
                {
                    var key = ParseConditional();
                    Expect(":");
                    entries.Add((key, ParseConditional()));
                    if (!Accept(","))
                    {
                        Expect("}");
                        break;
                    }
                }
                return new CelMap(entries);
            default:
                throw new CelException(token.Kind == CelTokenKind.End ? "unexpected end of expression" : $"unexpected '{token.Text}' at position {token.Position}");
        }
    }

    private CelExpression ParseIdentifier(CelToken token)
    {
        switch (token.Text)
        {
            case "true": return new CelLiteral(true);
            case "false": return new CelLiteral(false);
            case "null": return new CelLiteral(null);
        }
        if (Accept("("))
        {
            if (token.Text == "has")
            {
                var argument = ParseConditional();
                Expect(")");
                return argument is CelSelect select
                    ? select with { PresenceTest = true }
                    : throw new CelException("has() needs a field selection such as has(self.field)");
            }
            if (!GlobalFunctions.Contains(token.Text))
            {
                throw Unsupported(token.Text);
            }
            return new CelCall(null, token.Text, ParseArguments());
        }
        if (!_scope.Contains(token.Text) && !_variables.Contains(token.Text))
        {
            throw new CelException($"undeclared reference to '{token.Text}'");
        }
        return new CelIdentifier(token.Text);
    }

    private List<CelExpression> ParseArguments()
    {
        var arguments = new List<CelExpression>();
        while (!Accept(")"))
        {
            arguments.Add(ParseConditional());
            if (!Accept(","))
            {
                Expect(")");
                break;
            }
        }
        return arguments;
    }

    // Names what the subset offers, so a CRD author can rewrite the rule.
    private static CelException Unsupported(string function) => new(
        $"unsupported function '{function}' (this server's CEL subset has has, {string.Join(", ", GlobalFunctions.Order(StringComparer.Ordinal))}, "
        + $"the macros {string.Join(", ", Macros.Order(StringComparer.Ordinal))} and the methods {string.Join(", ", MemberFunctions.Order(StringComparer.Ordinal))})");

    private bool Accept(string op)
    {
        if (Current.Kind == CelTokenKind.Operator && Current.Text == op)
        {
            _position++;
            return true;
        }
        return false;
    }

    private void Expect(string op)
    {
        if (!Accept(op))
        {
            throw new CelException($"expected '{op}' at position {Current.Position} but found '{Current.Text}'");
        }
    }

    private string ExpectIdentifier()
    {
        if (Current.Kind != CelTokenKind.Identifier)
        {
            throw new CelException($"expected a name at position {Current.Position} but found '{Current.Text}'");
        }
        return _tokens[_position++].Text;
    }
}
