using System.Text.Json.Nodes;
using Kube.Testing.Patching;

namespace Kube.Testing.Tests.Units;

public class JsonPatchTests
{
    [Theory]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux"}]""", """{"foo":"bar","baz":"qux"}""")]
    [InlineData("""{"foo":["bar","baz"]}""", """[{"op":"add","path":"/foo/1","value":"qux"}]""", """{"foo":["bar","qux","baz"]}""")]
    [InlineData("""{"foo":["bar"]}""", """[{"op":"add","path":"/foo/-","value":"end"}]""", """{"foo":["bar","end"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"remove","path":"/baz"}]""", """{"foo":"bar"}""")]
    [InlineData("""{"foo":["bar","qux","baz"]}""", """[{"op":"remove","path":"/foo/1"}]""", """{"foo":["bar","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"replace","path":"/baz","value":"boo"}]""", """{"baz":"boo","foo":"bar"}""")]
    [InlineData("""{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}""", """[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]""", """{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}""")]
    [InlineData("""{"foo":["all","grass","cows","eat"]}""", """[{"op":"move","from":"/foo/1","path":"/foo/3"}]""", """{"foo":["all","cows","eat","grass"]}""")]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"copy","from":"/a","path":"/c"}]""", """{"a":{"b":1},"c":{"b":1}}""")]
    [InlineData("""{"baz":"qux","foo":["a",2,"c"]}""", """[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]""", """{"baz":"qux","foo":["a",2,"c"]}""")]
    [InlineData("""{"a/b":1,"m~n":2}""", """[{"op":"replace","path":"/a~1b","value":3},{"op":"remove","path":"/m~0n"}]""", """{"a/b":3}""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/child","value":{"grandchild":{}}}]""", """{"foo":"bar","child":{"grandchild":{}}}""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"replace","path":"","value":{"new":true}}]""", """{"new":true}""")]
    [InlineData("""{"a":1,"list":[0]}""", """[{"op":"copy","from":"/a","path":"/list/-"}]""", """{"a":1,"list":[0,1]}""")]
    [InlineData("""{"a":1}""", """[{"op":"move","from":"/a","path":"/b"},{"op":"test","path":"/b","value":1}]""", """{"b":1}""")]
    public void Operations_follow_rfc_6902(string document, string patch, string expected)
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#response : mutating webhooks answer with RFC 6902 JSON Patch.
        var result = JsonPatch.Apply(JsonNode.Parse(document), JsonNode.Parse(patch)!.AsArray());

        JsonNode.DeepEquals(result, JsonNode.Parse(expected)).Should().BeTrue(because: $"got {result?.ToJsonString()}");
    }

    [Theory]
    [InlineData("""{"baz":"qux"}""", """[{"op":"test","path":"/baz","value":"bar"}]""", "test failed")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz/bat","value":"qux"}]""", "does not exist")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"remove","path":"/missing"}]""", "does not exist")]
    [InlineData("""{"foo":[1]}""", """[{"op":"replace","path":"/foo/5","value":2}]""", "not a valid index")]
    [InlineData("""{"foo":[1]}""", """[{"op":"add","path":"/foo/01","value":2}]""", "not a valid index")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/x"}]""", "has no \"value\"")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"frobnicate","path":"/x"}]""", "unknown op")]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"move","from":"/a","path":"/a/b/c"}]""", "own child")]
    [InlineData("""{"a":1}""", """[{"op":"move","path":"/b"}]""", "has no \"from\"")]
    [InlineData("""{"foo":[1]}""", """[{"op":"remove","path":"/foo/-"}]""", "not a valid index")]
    [InlineData("""{"foo":"bar"}""", """["add"]""", "operation 0 is not an object")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"remove","path":"foo"}]""", "must start with '/'")]
    public void Patches_that_do_not_apply_fail_with_a_reason(string document, string patch, string problem)
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#response : a patch that cannot be applied fails the request.
        var apply = () => JsonPatch.Apply(JsonNode.Parse(document), JsonNode.Parse(patch)!.AsArray());

        apply.Should().Throw<PatchException>().WithMessage($"*{problem}*");
    }

    [Fact]
    public void The_original_document_is_left_unchanged()
    {
        // https://datatracker.ietf.org/doc/html/rfc6902#section-5 : a failing patch leaves the target as it was; we never modify the input.
        var document = JsonNode.Parse("""{"a":1}""");

        JsonPatch.Apply(document, JsonNode.Parse("""[{"op":"add","path":"/b","value":2}]""")!.AsArray());

        document!.ToJsonString().Should().Be("""{"a":1}""");
    }
}
