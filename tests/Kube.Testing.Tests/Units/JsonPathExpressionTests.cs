using System.Text.Json.Nodes;
using Kube.Testing.Tables;

namespace Kube.Testing.Tests.Units;

public sealed class JsonPathExpressionTests
{
    private static readonly JsonNode Object = JsonNode.Parse("""
        {"metadata":{"name":"web","labels":{"app.kubernetes.io/name":"shop"}},
         "spec":{"app":"shop","ports":[{"port":80},{"port":443}]},
         "status":{"url":"http://web","conditions":[{"type":"Building","status":"False"},{"type":"Ready","status":"True"}]}}
        """)!;

    [Theory]
    [InlineData(".status.url", "http://web")]
    [InlineData(".spec.app", "shop")]
    [InlineData("{.spec.app}", "shop")]
    [InlineData(".status.conditions[?(@.type==\"Ready\")].status", "True")]
    [InlineData(".status.conditions[?(@.type=='Building')].status", "False")]
    [InlineData(".spec.ports[1].port", "443")]
    [InlineData(".spec.ports[-1].port", "443")]
    [InlineData(".spec.ports[*].port", "80,443")]
    [InlineData(".metadata.labels['app.kubernetes.io/name']", "shop")]
    public void Evaluates_the_printer_column_subset(string path, string expected)
    {
        var values = JsonPathExpression.Parse(path).Evaluate(Object);

        string.Join(",", values.Select(v => v.ToString())).Should().Be(expected);
    }

    [Fact]
    public void Missing_fields_select_nothing()
    {
        JsonPathExpression.Parse(".status.missing.deeper").Evaluate(Object).Should().BeEmpty();
        JsonPathExpression.Parse(".status.conditions[?(@.type==\"Gone\")].status").Evaluate(Object).Should().BeEmpty();
    }
}
