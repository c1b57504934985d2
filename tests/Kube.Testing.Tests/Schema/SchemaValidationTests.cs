using static Kube.Testing.Tests.Schema.SchemaFixture;

namespace Kube.Testing.Tests.Schema;

public class SchemaValidationTests
{
    [Fact]
    public void A_value_of_the_wrong_type_is_reported_with_its_actual_type()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation : values must match the schema's type.
        var schema = SpecSchema("""{"replicas":{"type":"integer"}}""");

        var errors = schema.Validate(App("""{"replicas":"three"}"""), null);

        errors.Should().ContainSingle().Which.Should().Be(new Kube.Testing.Server.FieldError(
            "spec.replicas", "FieldValueTypeInvalid", "Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\""));
    }

    [Theory]
    [InlineData("1.5", 1)]
    [InlineData("2", 0)]
    [InlineData("2.0", 0)]
    public void Integer_accepts_whole_numbers_only(string value, int expectedErrors)
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation : type integer takes whole numbers.
        var schema = SpecSchema("""{"replicas":{"type":"integer"}}""");

        schema.Validate(App("""{"replicas":""" + value + "}"), null).Should().HaveCount(expectedErrors);
    }

    [Fact]
    public void Every_error_is_reported_not_only_the_first()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation : the API server returns all validation failures.
        var schema = SpecSchema("""
            {"name":{"type":"string","pattern":"^[a-z]+$","maxLength":5},
             "size":{"type":"string","enum":["eco","basic"]},
             "stack":{"type":"string"}}
            """, ""","required":["stack"]""");

        var errors = schema.Validate(App("""{"name":"Web-App1","size":"huge"}"""), null);

        errors.Messages().Should().BeEquivalentTo(
            "spec.stack: Required value",
            "spec.name: Too long: may not be more than 5 bytes",
            "spec.name: Invalid value: \"Web-App1\": spec.name in body should match '^[a-z]+$'",
            "spec.size: Unsupported value: \"huge\": supported values: \"eco\", \"basic\"");
        errors.Select(e => e.Reason).Should().BeEquivalentTo("FieldValueRequired", "FieldValueTooLong", "FieldValueInvalid", "FieldValueNotSupported");
    }

    [Fact]
    public void Map_values_and_list_items_are_named_by_key_and_index()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation : errors name the field path, map keys and list indexes included.
        var schema = SpecSchema("""
            {"processes":{"type":"object","additionalProperties":{"type":"object","properties":{"quantity":{"type":"integer","minimum":0}}}},
             "domains":{"type":"array","items":{"type":"string","format":"hostname"}}}
            """);

        var errors = schema.Validate(App("""{"processes":{"web":{"quantity":-1}},"domains":["a.example.com","ok","bad_host!"]}"""), null);

        errors.Messages().Should().BeEquivalentTo(
            "spec.processes[web].quantity: Invalid value: -1: spec.processes[web].quantity in body should be greater than or equal to 0",
            "spec.domains[2]: Invalid value: \"bad_host!\": spec.domains[2] in body must be of type hostname: \"bad_host!\"");
    }

    [Fact]
    public void Numeric_and_size_bounds_use_kubernetes_wording()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation : minimum, exclusiveMaximum, minItems, maxItems, maxProperties.
        var schema = SpecSchema("""
            {"cpu":{"type":"number","maximum":4,"exclusiveMaximum":true},
             "ports":{"type":"array","minItems":1,"items":{"type":"integer"}},
             "tags":{"type":"array","maxItems":2,"items":{"type":"string"}},
             "labels":{"type":"object","maxProperties":1,"additionalProperties":{"type":"string"}},
             "code":{"type":"string","minLength":3}}
            """);

        var errors = schema.Validate(App("""{"cpu":4,"ports":[],"tags":["a","b","c"],"labels":{"a":"1","b":"2"},"code":"x"}"""), null);

        errors.Messages().Should().BeEquivalentTo(
            "spec.cpu: Invalid value: 4: spec.cpu in body should be less than 4",
            "spec.ports: Invalid value: 0: spec.ports in body should have at least 1 items",
            "spec.tags: Too many: 3: must have at most 2 items",
            "spec.labels: Too many: 2: must have at most 1 item",
            "spec.code: Invalid value: \"x\": spec.code in body should be at least 3 chars long");
    }

    [Fact]
    public void Null_is_accepted_only_where_the_schema_is_nullable()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#defaulting-and-nullable : nullable allows null.
        var schema = SpecSchema("""{"a":{"type":"string","nullable":true},"b":{"type":"string"}}""");

        schema.Validate(App("""{"a":null,"b":null}"""), null).Select(e => e.Field).Should().Equal("spec.b");
    }

    [Fact]
    public void Int_or_string_takes_either()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#int-or-string : x-kubernetes-int-or-string allows integers and strings.
        var schema = SpecSchema("""{"port":{"x-kubernetes-int-or-string":true}}""");

        schema.Validate(App("""{"port":8080}"""), null).Should().BeEmpty();
        schema.Validate(App("""{"port":"http"}"""), null).Should().BeEmpty();
        schema.Validate(App("""{"port":true}"""), null).Should().ContainSingle().Which.Reason.Should().Be("FieldValueTypeInvalid");
    }

    [Fact]
    public void Additional_properties_false_forbids_unknown_fields()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation : additionalProperties false rejects undeclared fields.
        var schema = SpecSchema("""{"a":{"type":"string"}}""", ""","additionalProperties":false""");

        schema.Validate(App("""{"a":"x","b":"y"}"""), null).Messages().Should().Equal(
            "spec: Invalid value: \"b\": spec.b in body is a forbidden property");
    }

    [Fact]
    public void Formats_are_checked()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#format : date-time, byte and int32 formats are validated.
        var schema = SpecSchema("""
            {"at":{"type":"string","format":"date-time"},"blob":{"type":"string","format":"byte"},"n":{"type":"integer","format":"int32"}}
            """);

        schema.Validate(App("""{"at":"2024-01-02T03:04:05Z","blob":"aGVsbG8=","n":5}"""), null).Should().BeEmpty();
        schema.Validate(App("""{"at":"yesterday","blob":"not base64!","n":3000000000}"""), null).Select(e => e.Field)
            .Should().BeEquivalentTo("spec.at", "spec.blob", "spec.n");
    }

    [Fact]
    public void Any_of_one_of_and_not_validate_values()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation : allOf, anyOf, oneOf and not constrain values.
        var schema = SpecSchema("""
            {"source":{"type":"object","properties":{"git":{"type":"string"},"image":{"type":"string"}},
              "oneOf":[{"required":["git"]},{"required":["image"]}]},
             "size":{"type":"string","not":{"enum":["forbidden"]}},
             "n":{"type":"integer","anyOf":[{"minimum":10},{"maximum":0}]}}
            """);

        schema.Validate(App("""{"source":{"git":"u"},"size":"ok","n":11}"""), null).Should().BeEmpty();
        schema.Validate(App("""{"source":{"git":"u","image":"i"},"size":"forbidden","n":5}"""), null).Messages().Should().BeEquivalentTo(
            "spec.source: Invalid value: {\"git\":\"u\",\"image\":\"i\"}: spec.source in body must validate one and only one schema (oneOf)",
            "spec.size: Invalid value: \"forbidden\": spec.size in body must not validate the schema (not)",
            "spec.n: Invalid value: 5: spec.n in body must validate at least one schema (anyOf)");
    }

    [Fact]
    public void List_map_and_set_items_must_be_unique()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy : list-type map keys and set values must be unique.
        var schema = SpecSchema("""
            {"env":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object","properties":{"name":{"type":"string"}}}},
             "tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}}}
            """);

        schema.Validate(App("""{"env":[{"name":"A"},{"name":"A"}],"tags":["x","x"]}"""), null).Messages().Should().BeEquivalentTo(
            "spec.env[1]: Duplicate value: {\"name\":\"A\"}",
            "spec.tags[1]: Duplicate value: \"x\"");
    }

    [Fact]
    public void Metadata_name_is_validated_only_against_declared_constraints()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation : only metadata.name and generateName may be constrained by the schema.
        var crd = Crd("""{"type":"object","properties":{"metadata":{"type":"object","properties":{"name":{"type":"string","maxLength":3}}}}}""");
        var schema = new Kube.Testing.Schema.SchemaProvider().For(Apps, crd);

        schema.Validate(Json("""{"apiVersion":"paas.dev/v1alpha1","kind":"App","metadata":{"name":"toolong","labels":{"a":"b"}}}"""), null)
            .Messages().Should().Equal("metadata.name: Too long: may not be more than 3 bytes");
    }

    [Fact]
    public void Numbers_set_in_code_validate_like_parsed_ones()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation : a webhook's patch or a default may put numbers of any width into the object.
        var schema = SpecSchema("""{"replicas":{"type":"integer","maximum":3},"ratio":{"type":"number"}}""");
        var app = App("{}");
        app["spec"]!["replicas"] = 5;
        app["spec"]!["ratio"] = 0.5f;

        schema.Validate(app, null).Messages().Should().Equal("spec.replicas: Invalid value: 5: spec.replicas in body should be less than or equal to 3");
    }
}
