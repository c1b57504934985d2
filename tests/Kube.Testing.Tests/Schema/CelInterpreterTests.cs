using System.Text.Json.Nodes;
using Kube.Testing.Schema.Cel;

namespace Kube.Testing.Tests.Schema;

public class CelInterpreterTests
{
    private static readonly JsonObject Self = JsonNode.Parse("""
        {"replicas":3,"min":1,"max":5,"name":"web-app","tags":["a","b","c"],"labels":{"team":"x"},
         "containers":[{"name":"web","port":80},{"name":"log","port":0}],"ratio":0.5}
        """)!.AsObject();

    [Theory]
    [InlineData("self.replicas >= self.min && self.replicas <= self.max")]
    [InlineData("has(self.labels) && !has(self.missing)")]
    [InlineData("size(self.tags) == 3 && self.tags.size() == 3 && size(self.name) == 7")]
    [InlineData("self.replicas * 2 + 1 == 7 && self.replicas / 2 == 1 && self.replicas % 2 == 1 && -self.min == -1")]
    [InlineData("'b' in self.tags && 'team' in self.labels && !('z' in self.tags)")]
    [InlineData("self.replicas > 2 ? true : false")]
    [InlineData("self.name.startsWith('web') && self.name.endsWith('app') && self.name.contains('-')")]
    [InlineData("self.name.matches('^[a-z-]+$') && !self.name.matches('^[0-9]+$')")]
    [InlineData("self.containers.all(c, c.name.size() > 2)")]
    [InlineData("self.containers.exists(c, c.port == 80) && self.containers.exists_one(c, c.port == 0)")]
    [InlineData("self.containers.map(c, c.name) == ['web', 'log']")]
    [InlineData("self.containers.filter(c, c.port > 0).size() == 1")]
    [InlineData("self.containers.map(c, c.port > 0, c.name) == ['web']")]
    [InlineData("self.labels.all(k, self.labels[k] == 'x')")]
    [InlineData("{'a': 1, 'b': 2}['b'] == 2 && [1, 2, 3][0] == 1")]
    [InlineData("int('42') == 42 && string(7) == '7' && int(2.9) == 2")]
    [InlineData("self.ratio < 1 && self.ratio * 2.0 == 1.0 && 1 == 1.0")]
    [InlineData("\"dq\" + 'sq' == 'dqsq' && r'\\d' == '\\\\d'")]
    [InlineData("[1, 2] + [3] == [1, 2, 3] && self.tags.join(',') == 'a,b,c'")]
    [InlineData("self.missing == 1 || true")]
    public void Supported_expressions_evaluate_to_true(string expression)
    {
        // https://kubernetes.io/docs/reference/using-api/cel/ : the CEL language subset CRD validation rules use.
        CelProgram.Compile(expression).Evaluate(CelValues.FromJson(Self), null).Should().Be(true);
    }

    [Theory]
    [InlineData("self.replicas > 10")]
    [InlineData("self.tags.exists_one(t, t != 'a')")]
    [InlineData("self.name == 'web'")]
    public void False_expressions_evaluate_to_false(string expression)
    {
        // https://kubernetes.io/docs/reference/using-api/cel/ : a rule fails when it evaluates to false.
        CelProgram.Compile(expression).Evaluate(CelValues.FromJson(Self), null).Should().Be(false);
    }

    [Theory]
    [InlineData("timestamp(self.at) > timestamp('2020-01-01T00:00:00Z')", "unsupported function 'timestamp'")]
    [InlineData("self.name.reverse() == ''", "unsupported function 'reverse'")]
    [InlineData("other.x == 1", "undeclared reference to 'other'")]
    [InlineData("self.x == 1u", "unsigned integer literal")]
    [InlineData("self.x ==", "unexpected end of expression")]
    [InlineData("has(self)", "has() needs a field selection")]
    public void Unsupported_or_malformed_expressions_fail_at_compile_time(string expression, string problem)
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules : rules are compiled when the CRD is written.
        var compile = () => CelProgram.Compile(expression);

        compile.Should().Throw<CelException>().WithMessage($"*{problem}*");
    }

    [Theory]
    [InlineData("self.missing > 1", "no such key: missing")]
    [InlineData("self.replicas / 0 == 1", "division by zero")]
    [InlineData("self.tags[5] == 'a'", "index out of range: 5")]
    [InlineData("self.name + 1 == 'x'", "no such overload")]
    [InlineData("9223372036854775807 + self.replicas > 0", "int overflow")]
    public void Runtime_errors_are_reported_not_swallowed(string expression, string problem)
    {
        // https://kubernetes.io/docs/reference/using-api/cel/ : evaluation errors fail the rule.
        var evaluate = () => CelProgram.Compile(expression).Evaluate(CelValues.FromJson(Self), null);

        evaluate.Should().Throw<CelException>().WithMessage($"*{problem}*");
    }

    [Fact]
    public void Old_self_marks_a_transition_rule()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#transition-rules : rules using oldSelf compare against the previous value.
        var program = CelProgram.Compile("self >= oldSelf");

        program.UsesOldSelf.Should().BeTrue();
        program.Evaluate(5L, 3L).Should().Be(true);
        program.Evaluate(2L, 3L).Should().Be(false);
        CelProgram.Compile("self.all(oldSelf, oldSelf > 0)").UsesOldSelf.Should().BeFalse();
    }
}
