using static Kube.Testing.Tests.Schema.SchemaFixture;

namespace Kube.Testing.Tests.Schema;

public class DefaultingAndPruningTests
{
    [Fact]
    public void Defaults_fill_missing_fields_where_the_parent_exists()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#defaulting : defaults apply only when the parent object is present.
        var schema = SpecSchema("""
            {"stack":{"type":"string","default":"heroku-24"},
             "source":{"type":"object","properties":{"ref":{"type":"string","default":"main"}}}}
            """);
        var app = App("{}");

        schema.ApplyDefaults(app);

        app["spec"]!.ToJsonString().Should().Be("""{"stack":"heroku-24"}""");
    }

    [Fact]
    public void Defaults_apply_inside_array_items_and_map_values_and_replace_non_nullable_nulls()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#defaulting-and-nullable : null non-nullable fields are defaulted; items and map values too.
        var schema = SpecSchema("""
            {"processes":{"type":"object","additionalProperties":{"type":"object","properties":{"size":{"type":"string","default":"basic"}}}},
             "ports":{"type":"array","items":{"type":"object","properties":{"protocol":{"type":"string","default":"TCP"}}}},
             "stack":{"type":"string","default":"heroku-24"},
             "note":{"type":"string","nullable":true,"default":"n"}}
            """);
        var app = App("""{"processes":{"web":{},"worker":{"size":"eco"}},"ports":[{},{"protocol":"UDP"}],"stack":null,"note":null}""");

        schema.ApplyDefaults(app);

        app["spec"]!.ToJsonString().Should().Be(
            """{"processes":{"web":{"size":"basic"},"worker":{"size":"eco"}},"ports":[{"protocol":"TCP"},{"protocol":"UDP"}],"stack":"heroku-24","note":null}""");
    }

    [Fact]
    public void Defaults_of_a_defaulted_object_are_applied_too()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#defaulting : a defaulted object gets its own properties' defaults.
        var schema = SpecSchema("""{"source":{"type":"object","default":{},"properties":{"ref":{"type":"string","default":"main"}}}}""");
        var app = App("{}");

        schema.ApplyDefaults(app);

        app["spec"]!.ToJsonString().Should().Be("""{"source":{"ref":"main"}}""");
    }

    [Fact]
    public void Pruning_drops_undeclared_fields_and_keeps_preserved_ones()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#field-pruning : unknown fields are dropped unless x-kubernetes-preserve-unknown-fields.
        var schema = SpecSchema("""{"known":{"type":"string"},"free":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}""");
        var app = App("""{"known":"k","unknown":"u","free":{"anything":{"goes":1}}}""");
        app["extra"] = "dropped";
        app["status"] = new System.Text.Json.Nodes.JsonObject { ["whatever"] = 1 };

        schema.Prune(app);

        app.ToJsonString().Should().Be(
            """{"apiVersion":"paas.dev/v1alpha1","kind":"App","metadata":{"name":"a"},"spec":{"known":"k","free":{"anything":{"goes":1}}},"status":{"whatever":1}}""");
    }

    [Fact]
    public void Root_metadata_keeps_only_object_meta_fields()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#field-pruning : metadata is pruned to ObjectMeta.
        var schema = SpecSchema("{}");
        var app = Json("""{"apiVersion":"paas.dev/v1alpha1","kind":"App","metadata":{"name":"a","labels":{"x":"y"},"bogus":1},"spec":{}}""");

        schema.Prune(app);

        app["metadata"]!.ToJsonString().Should().Be("""{"name":"a","labels":{"x":"y"}}""");
    }

    [Fact]
    public void Embedded_resources_keep_api_version_kind_and_metadata()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#embedded-resources : x-kubernetes-embedded-resource keeps apiVersion, kind and ObjectMeta.
        var schema = SpecSchema("""{"template":{"type":"object","x-kubernetes-embedded-resource":true,"properties":{"spec":{"type":"object"}}}}""");
        var app = App("""{"template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","junk":1},"spec":{},"other":1}}""");

        schema.Prune(app);

        app["spec"]!["template"]!.ToJsonString().Should().Be("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{}}""");
        schema.Validate(App("""{"template":{"spec":{}}}"""), null).Messages().Should().BeEquivalentTo(
            "spec.template.apiVersion: Required value: must not be empty", "spec.template.kind: Required value: must not be empty");
    }
}
