using Kube.Testing.Schema;
using Kube.Testing.Server;
using static Kube.Testing.Tests.Schema.SchemaFixture;

namespace Kube.Testing.Tests.Schema;

public class SchemaProviderTests
{
    private const string ListSchema = """
        {"type":"object","properties":{"spec":{"type":"object","properties":{
          "env":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object"}},
          "tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},
          "selector":{"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":{"type":"string"}},
          "steps":{"type":"array","items":{"type":"object","properties":{"env":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["key","scope"],"items":{"type":"object"}}}}}}}}}
        """;

    private readonly SchemaProvider _provider = new();

    [Fact]
    public void Parsed_schemas_are_cached_per_crd_uid_and_resource_version()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#specifying-a-structural-schema : a CRD update changes the schema.
        var first = _provider.For(Apps, Crd(ListSchema, resourceVersion: "1"));

        _provider.For(Apps, Crd(ListSchema, resourceVersion: "1")).Should().BeSameAs(first);
        _provider.For(Apps, Crd(ListSchema, resourceVersion: "2")).Should().NotBeSameAs(first);
    }

    [Fact]
    public void Crd_list_and_map_types_are_exposed_for_apply()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy : list-type, list-map-keys and map-type come from the schema.
        var schema = _provider.For(Apps, Crd(ListSchema));

        schema.ListMapKeys(["spec", "env"]).Should().Equal("name");
        schema.ListMapKeys(["spec", "steps", "env"]).Should().Equal("key", "scope");
        schema.ListMapKeys(["spec", "tags"]).Should().BeNull();
        schema.ListMapKeys(["metadata", "ownerReferences"]).Should().Equal("uid");
        schema.IsSetList(["spec", "tags"]).Should().BeTrue();
        schema.IsAtomicMap(["spec", "selector"]).Should().BeTrue();
        schema.IsAtomicMap(["spec"]).Should().BeFalse();
        schema.HasStatusSubresource.Should().BeTrue();
        _provider.For(Apps, Crd(ListSchema, uid: "other", statusSubresource: false)).HasStatusSubresource.Should().BeFalse();
    }

    [Fact]
    public void Built_in_kinds_know_their_merge_keys()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy : built-in lists merge by their declared keys.
        var deployment = _provider.For(new ResourceContext("apps", "v1", "Deployment", "deployments", true, null), null);
        var service = _provider.For(new ResourceContext("", "v1", "Service", "services", true, null), null);
        string[] pod = ["spec", "template", "spec"];

        deployment.ListMapKeys([.. pod, "containers"]).Should().Equal("name");
        deployment.ListMapKeys([.. pod, "initContainers", "env"]).Should().Equal("name");
        deployment.ListMapKeys([.. pod, "containers", "ports"]).Should().Equal("containerPort", "protocol");
        deployment.ListMapKeys([.. pod, "containers", "volumeMounts"]).Should().Equal("mountPath");
        deployment.ListMapKeys([.. pod, "volumes"]).Should().Equal("name");
        deployment.ListMapKeys(["status", "conditions"]).Should().Equal("type");
        deployment.ListMapKeys([.. pod, "containers", "args"]).Should().BeNull();
        service.ListMapKeys(["spec", "ports"]).Should().Equal("port", "protocol");
        deployment.Validate(Json("""{"spec":{"replicas":"not checked"}}"""), null).Should().BeEmpty();
    }

    [Fact]
    public void A_crd_without_a_schema_preserves_everything()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#field-pruning : pruning applies to declared structure only.
        var crd = Json("""{"metadata":{"uid":"u","resourceVersion":"1"},"spec":{"versions":[{"name":"v1alpha1"}]}}""");
        var schema = _provider.For(Apps, crd);
        var app = App("""{"anything":1}""");

        schema.Prune(app);

        app["spec"]!["anything"]!.GetValue<int>().Should().Be(1);
    }
}
