using System.Text.Json.Nodes;
using Kube.Testing.Patching;

namespace Kube.Testing.Tests.Units;

public sealed class StrategicMergePatchTests
{
    private static IReadOnlyList<string>? Keys(IReadOnlyList<string> path) => path[^1] switch
    {
        "containers" => ["name"],
        "env" => ["name"],
        _ => null,
    };

    [Fact]
    public void Nested_keyed_lists_merge_item_by_item()
    {
        var target = Parse("""{"containers":[{"name":"web","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}""");
        var patch = Parse("""{"containers":[{"name":"web","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}""");

        var result = StrategicMergePatch.Apply(target, patch, Keys);

        result["containers"]![0]!["env"]!.ToJsonString().Should().Be("""[{"name":"A","value":"1"},{"name":"B","value":"3"},{"name":"C","value":"4"}]""");
    }

    [Fact]
    public void Replace_directive_replaces_a_map()
    {
        var result = StrategicMergePatch.Apply(Parse("""{"labels":{"a":"1","b":"2"}}"""), Parse("""{"labels":{"$patch":"replace","c":"3"}}"""), Keys);

        result["labels"]!.ToJsonString().Should().Be("""{"c":"3"}""");
    }

    [Fact]
    public void Delete_from_primitive_list_removes_values_and_order_directives_are_ignored()
    {
        var result = StrategicMergePatch.Apply(
            Parse("""{"finalizers":["a","b","c"]}"""),
            Parse("""{"$deleteFromPrimitiveList/finalizers":["b"],"$setElementOrder/finalizers":["c","a"]}"""),
            Keys);

        result.ToJsonString().Should().Be("""{"finalizers":["a","c"]}""");
    }

    [Fact]
    public void Lists_without_keys_are_replaced_and_null_deletes()
    {
        var result = StrategicMergePatch.Apply(Parse("""{"args":["a"],"x":1}"""), Parse("""{"args":["b"],"x":null}"""), Keys);

        result.ToJsonString().Should().Be("""{"args":["b"]}""");
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
