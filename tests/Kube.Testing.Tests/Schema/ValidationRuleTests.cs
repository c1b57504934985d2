using Kube.Testing.Schema;
using static Kube.Testing.Tests.Schema.SchemaFixture;

namespace Kube.Testing.Tests.Schema;

public class ValidationRuleTests
{
    [Fact]
    public void A_failed_rule_reports_its_message_at_the_rule_node()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules : a false rule is FieldValueInvalid with the rule's message.
        var schema = SpecSchema("""{"min":{"type":"integer"},"max":{"type":"integer"}}""",
            ""","x-kubernetes-validations":[{"rule":"self.min <= self.max","message":"min must not exceed max"}]""");

        var errors = schema.Validate(App("""{"min":5,"max":3}"""), null);

        errors.Should().ContainSingle().Which.Should().Be(new Kube.Testing.Server.FieldError(
            "spec", "FieldValueInvalid", "Invalid value: \"object\": min must not exceed max"));
        schema.Validate(App("""{"min":1,"max":3}"""), null).Should().BeEmpty();
    }

    [Fact]
    public void A_rule_without_message_says_which_rule_failed()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules : the default message is "failed rule: <rule>".
        var schema = SpecSchema("""{"name":{"type":"string","x-kubernetes-validations":[{"rule":"self.startsWith('a')"}]}}""");

        schema.Validate(App("""{"name":"web"}"""), null).Messages().Should().Equal(
            "spec.name: Invalid value: \"string\": failed rule: self.startsWith('a')");
    }

    [Fact]
    public void Field_path_reason_and_message_expression_shape_the_error()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#field-path : fieldPath, reason and messageExpression customise the error.
        var schema = SpecSchema("""{"replicas":{"type":"integer"}}""", """
            ,"x-kubernetes-validations":[{"rule":"self.replicas < 10","fieldPath":".replicas","reason":"FieldValueForbidden",
              "messageExpression":"'replicas ' + string(self.replicas) + ' is too many'"}]
            """);

        schema.Validate(App("""{"replicas":12}"""), null).Should().ContainSingle().Which.Should().Be(
            new Kube.Testing.Server.FieldError("spec.replicas", "FieldValueForbidden", "Forbidden: replicas 12 is too many"));
    }

    [Fact]
    public void Transition_rules_run_only_on_updates()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#transition-rules : rules with oldSelf are skipped on create.
        var schema = SpecSchema("""{"image":{"type":"string","x-kubernetes-validations":[{"rule":"self == oldSelf","message":"image is immutable"}]}}""");

        schema.Validate(App("""{"image":"b"}"""), null).Should().BeEmpty();
        schema.Validate(App("""{"image":"b"}"""), App("""{"image":"a"}""")).Messages().Should().Equal(
            "spec.image: Invalid value: \"string\": image is immutable");
        schema.Validate(App("""{"image":"a"}"""), App("""{"image":"a"}""")).Should().BeEmpty();
    }

    [Fact]
    public void Rules_on_list_map_items_see_the_old_item_with_the_same_key()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#transition-rules : list-map items correlate with old items by key.
        var schema = SpecSchema("""
            {"procs":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
              "items":{"type":"object","properties":{"name":{"type":"string"},"n":{"type":"integer"}},
                "x-kubernetes-validations":[{"rule":"self.n >= oldSelf.n","message":"n may not shrink"}]}}}
            """);

        var errors = schema.Validate(App("""{"procs":[{"name":"new","n":0},{"name":"web","n":1}]}"""), App("""{"procs":[{"name":"web","n":2}]}"""));

        errors.Messages().Should().Equal("spec.procs[1]: Invalid value: \"object\": n may not shrink");
    }

    [Fact]
    public void An_evaluation_error_fails_validation()
    {
        // https://kubernetes.io/docs/reference/using-api/cel/ : a rule that cannot be evaluated rejects the object.
        var schema = SpecSchema("""{"a":{"type":"integer"}}""", ""","x-kubernetes-validations":[{"rule":"self.a > 0"}]""");

        schema.Validate(App("{}"), null).Messages().Should().Equal("spec: Invalid value: \"object\": no such key: a evaluating rule: self.a > 0");
    }

    [Fact]
    public void Unsupported_rules_fail_when_the_schema_is_built_listing_every_rule()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules : rules must compile for the CRD to be accepted.
        var crd = Crd("""
            {"type":"object","properties":{"spec":{"type":"object","x-kubernetes-validations":[
              {"rule":"duration(self.t) > duration('1s')"},{"rule":"self.x.y == 1"},{"rule":"self.a.quantity() > 1"}]}}}
            """);

        var build = () => new SchemaProvider().For(Apps, crd);

        var problems = build.Should().Throw<SchemaBuildException>().Which.Problems;
        problems.Should().HaveCount(2);
        problems[0].Should().StartWith("x-kubernetes-validations rule 'duration(self.t) > duration('1s')' at spec: unsupported function 'duration' (this server's CEL subset has has, double, dyn, int,");
        problems[1].Should().StartWith("x-kubernetes-validations rule 'self.a.quantity() > 1' at spec: unsupported function 'quantity'");
        SchemaProvider.ValidateDefinition(crd).Should().HaveCount(2).And.AllSatisfy(error =>
        {
            error.Field.Should().Be("spec.versions[0].schema.openAPIV3Schema");
            error.Reason.Should().Be("FieldValueInvalid");
            error.Message.Should().StartWith("Invalid value: \"object\": x-kubernetes-validations rule '");
        });
    }
}
