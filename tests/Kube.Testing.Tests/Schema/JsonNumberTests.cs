using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Testing.Schema;
using static Kube.Testing.Tests.Schema.SchemaFixture;

namespace Kube.Testing.Tests.Schema;

/// <summary>Schema numbers are read the same whether parsed from text or built in code as int, long, double or decimal.</summary>
public class JsonNumberTests
{
    public static TheoryData<JsonValue, long> WholeNumbers => new()
    {
        { JsonValue.Create(3), 3 },
        { JsonValue.Create(3L), 3 },
        { JsonValue.Create(3.0), 3 },
        { JsonValue.Create(3.0m), 3 },
        { JsonValue.Create(JsonDocument.Parse("3.0").RootElement)!, 3 },
        { JsonNode.Parse("-7")!.AsValue(), -7 },
        { JsonNode.Parse("1e2")!.AsValue(), 100 },
        { JsonNode.Parse("9223372036854775807")!.AsValue(), long.MaxValue },
    };

    [Theory]
    [MemberData(nameof(WholeNumbers))]
    public void Whole_numbers_read_as_long_whatever_backs_them(JsonValue value, long expected)
    {
        JsonNumber.TryAsLong(value, out var result).Should().BeTrue();
        result.Should().Be(expected);
    }

    [Theory]
    [InlineData("3.5")]
    [InlineData("1e300")]
    public void Fractions_and_numbers_beyond_long_are_not_whole(string text)
    {
        JsonNumber.TryAsLong(JsonNode.Parse(text)!.AsValue(), out _).Should().BeFalse();
    }

    [Fact]
    public void Doubles_read_from_long_double_and_parsed_values()
    {
        JsonNumber.AsDouble(JsonValue.Create(4L)).Should().Be(4.0);
        JsonNumber.AsDouble(JsonValue.Create(0.25)).Should().Be(0.25);
        JsonNumber.AsDouble(JsonNode.Parse("2.5e-1")!.AsValue()).Should().Be(0.25);
    }

    [Fact]
    public void A_schema_limit_written_as_an_integral_double_is_enforced()
    {
        // Tools that round-trip CRDs through float types write minLength: 3.0; Kubernetes decodes that as the integer 3.
        var schema = SpecSchema("""{"name":{"type":"string","minLength":3.0},"size":{"type":"number","maximum":10}}""");

        var errors = schema.Validate(App("""{"name":"ab","size":10.5}"""), null);

        errors.Select(e => e.Field).Should().BeEquivalentTo("spec.name", "spec.size");
    }

    [Fact]
    public void A_schema_limit_that_is_not_a_whole_number_fails_the_build_naming_it()
    {
        var crd = Crd("""{"type":"object","properties":{"spec":{"type":"object","properties":{"name":{"type":"string","minLength":2.5}}}}}""");

        var build = () => new SchemaProvider().For(Apps, crd);

        build.Should().Throw<SchemaBuildException>().Which.Problems.Should().Equal("minLength at spec.name must be a whole number, not 2.5");
    }
}
