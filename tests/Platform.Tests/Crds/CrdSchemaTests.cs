using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Crds;
using Paas.Platform.Manifests;

namespace Paas.Platform.Tests.Crds;

public sealed class CrdSchemaTests
{
    private static readonly IReadOnlyDictionary<string, JsonObject> ByKind = CrdGenerator.Generate()
        .Select(f => (JsonObject)YamlJson.ReadDocuments(f.Content).Single()!)
        .ToDictionary(crd => (string)crd["spec"]!["names"]!["kind"]!);

    public static TheoryData<string> Kinds => new("App", "Build", "Release", "Formation");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Generated_yaml_parses_as_a_namespaced_crd_with_status_subresource_and_category(string kind)
    {
        var crd = ByKind[kind];
        crd["apiVersion"]!.GetValue<string>().Should().Be("apiextensions.k8s.io/v1");
        crd["kind"]!.GetValue<string>().Should().Be("CustomResourceDefinition");
        crd["spec"]!["group"]!.GetValue<string>().Should().Be("paas.dev");
        crd["spec"]!["scope"]!.GetValue<string>().Should().Be("Namespaced");
        crd["spec"]!["names"]!["categories"]!.AsArray().Select(n => (string)n!).Should().Equal("paas");
        crd["spec"]!["names"]!["shortNames"]!.AsArray().Should().ContainSingle();
        var version = Version(crd);
        version["subresources"]!["status"].Should().NotBeNull();
        version["served"]!.GetValue<bool>().Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_schema_node_is_typed_and_nothing_preserves_unknown_fields(string kind)
    {
        var untyped = new List<string>();
        Walk(Schema(ByKind[kind]), "", (path, node) =>
        {
            if (node["type"] is null)
            {
                untyped.Add(path);
            }

            node.ContainsKey("x-kubernetes-preserve-unknown-fields").Should().BeFalse($"{path} must be structural");
        });

        untyped.Should().BeEmpty("a structural schema types every field");
    }

    [Theory]
    [InlineData("App", "URL,Release,Ready,Age")]
    [InlineData("Build", "App,Phase,Image,Age")]
    [InlineData("Release", "App,Version,Description,Current,Age")]
    [InlineData("Formation", "App,Processes,Age")]
    public void Printer_columns_are_as_listed_and_point_at_declared_fields(string kind, string columns)
    {
        var printerColumns = Version(ByKind[kind])["additionalPrinterColumns"]!.AsArray();

        printerColumns.Select(c => (string)c!["name"]!).Should().Equal(columns.Split(','));
        foreach (var column in printerColumns)
        {
            var jsonPath = (string)column!["jsonPath"]!;
            if (jsonPath.StartsWith(".metadata.", StringComparison.Ordinal))
            {
                continue;
            }

            var fieldPath = jsonPath.Split('[')[0].TrimStart('.').Split('.');
            Resolve(Schema(ByKind[kind]), fieldPath).Should().NotBeNull($"{kind} column {column["name"]} reads {jsonPath}");
        }
    }

    [Theory]
    [InlineData("Build", "spec.source", "[has(self.git), has(self.archive), has(self.image)].filter(x, x).size() == 1")]
    [InlineData("Build", "spec", "self == oldSelf")]
    [InlineData("Release", "spec", "self == oldSelf")]
    [InlineData("Formation", "spec.processes.*.autoscale", "self.min <= self.max")]
    [InlineData("Formation", "", "self.metadata.name == self.spec.app")]
    [InlineData("App", "spec.configFrom[]", "[has(self.secretRef), has(self.configMapRef)].filter(x, x).size() == 1")]
    public void Declarative_rules_are_cel_validations(string kind, string path, string rule)
    {
        var node = Resolve(Schema(ByKind[kind]), path.Length == 0 ? [] : path.Split('.'));

        node.Should().NotBeNull();
        node!["x-kubernetes-validations"]!.AsArray().Select(v => (string)v!["rule"]!).Should().Contain(rule);
    }

    [Fact]
    public void Conditions_merge_by_type_under_server_side_apply()
    {
        var conditions = Resolve(Schema(ByKind["App"]), ["status", "conditions"])!;

        conditions["x-kubernetes-list-type"]!.GetValue<string>().Should().Be("map");
        conditions["x-kubernetes-list-map-keys"]!.AsArray().Select(k => (string)k!).Should().Equal("type");
    }

    [Fact]
    public void Phases_are_enums_from_the_phase_constants()
    {
        var phase = Resolve(Schema(ByKind["Build"]), ["status", "phase"])!;

        phase["enum"]!.AsArray().Select(v => (string)v!).Should().Equal(BuildPhases.Pending, BuildPhases.Running, BuildPhases.Succeeded, BuildPhases.Failed);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_field_of_a_full_sample_is_declared_by_the_schema(string kind)
    {
        var sample = SampleObjects.Full(kind);
        var json = JsonSerializer.SerializeToNode(sample, sample.GetType(), PaasJson.Options)!.AsObject();
        var undeclared = new List<string>();
        var seen = 0;
        CheckDeclared(json, Schema(ByKind[kind]), kind, undeclared, ref seen);

        undeclared.Should().BeEmpty();
        seen.Should().BeGreaterThan(10, "the sample must exercise the schema");
    }

    [Fact]
    public void Omitted_optional_fields_stay_omitted_in_json()
    {
        var json = JsonSerializer.Serialize(new App { Metadata = new ObjectMeta { Name = "my-app" } }, PaasJsonContext.Default.App);

        json.Should().Be("{\"apiVersion\":\"paas.dev/v1alpha1\",\"kind\":\"App\",\"metadata\":{\"name\":\"my-app\"},\"spec\":{}}");
    }

    private static JsonObject Version(JsonObject crd) => crd["spec"]!["versions"]![0]!.AsObject();

    private static JsonObject Schema(JsonObject crd) => Version(crd)["schema"]!["openAPIV3Schema"]!.AsObject();

    // Path segments name properties; "*" steps into a map's values and a trailing "[]" into a list's items.
    private static JsonObject? Resolve(JsonObject schema, IEnumerable<string> path)
    {
        JsonObject? node = schema;
        foreach (var segment in path)
        {
            var name = segment.EndsWith("[]", StringComparison.Ordinal) ? segment[..^2] : segment;
            node = name == "*" ? node?["additionalProperties"] as JsonObject : node?["properties"]?[name] as JsonObject;
            if (segment.EndsWith("[]", StringComparison.Ordinal))
            {
                node = node?["items"] as JsonObject;
            }
        }

        return node;
    }

    private static void Walk(JsonObject schema, string path, Action<string, JsonObject> visit)
    {
        visit(path, schema);
        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            Walk(property!.AsObject(), $"{path}.{name}", visit);
        }

        if (schema["items"] is JsonObject items)
        {
            Walk(items, $"{path}[]", visit);
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            Walk(values, $"{path}.*", visit);
        }
    }

    private static void CheckDeclared(JsonNode? value, JsonObject schema, string path, List<string> undeclared, ref int seen)
    {
        seen++;
        switch (value)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (name, child) in obj)
                {
                    if (properties[name] is JsonObject childSchema)
                    {
                        CheckDeclared(child, childSchema, $"{path}.{name}", undeclared, ref seen);
                    }
                    else if (!(path.EndsWith(".metadata", StringComparison.Ordinal) || path == "metadata"))
                    {
                        undeclared.Add($"{path}.{name}");
                    }
                }

                break;
            case JsonObject map when schema["additionalProperties"] is JsonObject valueSchema:
                foreach (var (name, child) in map)
                {
                    CheckDeclared(child, valueSchema, $"{path}.{name}", undeclared, ref seen);
                }

                break;
            case JsonArray list when schema["items"] is JsonObject itemSchema:
                foreach (var item in list)
                {
                    CheckDeclared(item, itemSchema, $"{path}[]", undeclared, ref seen);
                }

                break;
        }
    }
}
