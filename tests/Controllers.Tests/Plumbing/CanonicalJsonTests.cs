using System.Text.Json.Nodes;
using Paas.Controllers.Plumbing;

namespace Paas.Controllers.Tests.Plumbing;

/// <summary>The canonical text behind the desired-object hash: sorted keys, and the same text the first version wrote.</summary>
public sealed class CanonicalJsonTests
{
    [Fact]
    public void Keys_are_sorted_and_strings_escaped_as_System_Text_Json_escapes_them()
    {
        var node = JsonNode.Parse("""{"b":[1,"x<y",true,null,{"z":"é\n","a":2.50}],"a":"plain-ASCII_1.0/:=","c":{}}""");

        CanonicalJson.Text(node).Should().Be("""{"a":"plain-ASCII_1.0/:=","b":[1,"x\u003Cy",true,null,{"a":2.50,"z":"\u00E9\n",},],"c":{},}""");
    }

    [Fact]
    public void Objects_built_in_any_key_order_hash_alike_and_a_changed_value_does_not()
    {
        var one = new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 2, ["image"] = "shop@sha256:1" }, ["kind"] = "Deployment" };
        var same = JsonNode.Parse("""{"kind":"Deployment","spec":{"image":"shop@sha256:1","replicas":2}}""");
        var other = JsonNode.Parse("""{"kind":"Deployment","spec":{"image":"shop@sha256:1","replicas":3}}""");

        CanonicalJson.Hash(one).Should().Be(CanonicalJson.Hash(same)).And.HaveLength(16);
        CanonicalJson.Hash(other).Should().NotBe(CanonicalJson.Hash(one));
    }

    [Fact]
    public void The_hash_of_a_known_object_is_the_one_stored_on_live_objects_before_the_rewrite()
    {
        // Computed with the first implementation (StringBuilder + ToJsonString); a change here re-applies every child once.
        var node = JsonNode.Parse("""{"metadata":{"name":"shop-web","labels":{"paas.dev/app":"shop"}},"spec":{"replicas":1,"env":[{"name":"A","value":"<&>"}]}}""");

        CanonicalJson.Hash(node).Should().Be(ExpectedLegacyHash);
    }

    private const string ExpectedLegacyHash = "8893adf838b761c7";
}
