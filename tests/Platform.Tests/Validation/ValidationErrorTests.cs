using Paas.Platform.Validation;

namespace Paas.Platform.Tests.Validation;

public sealed class ValidationErrorTests
{
    [Fact]
    public void Message_reads_field_subject_value_rule_and_fix()
    {
        var error = ValidationError.Invalid("spec.config", "\"FOO-BAR\"", ConfigVars.KeyRule, "rename it, e.g. \"FOO_BAR\"", "key");

        error.Message.Should().Be("spec.config: key \"FOO-BAR\" is invalid: config var keys may contain only letters, digits and underscores (^[A-Za-z0-9_]+$); rename it, e.g. \"FOO_BAR\"");
    }

    [Fact]
    public void Message_without_a_value_states_the_rule_and_fix()
    {
        ValidationError.Because("spec.source", "a Build needs a source", "set one of git, archive or image").Message
            .Should().Be("spec.source: a Build needs a source; set one of git, archive or image");
    }

    [Fact]
    public void Config_values_never_appear_in_messages()
    {
        var config = new Dictionary<string, string> { ["SECRET"] = "hunter2" + new string('x', 40000) };

        var errors = ConfigVars.Check("spec.config", config).ToList();

        errors.Should().ContainSingle();
        errors[0].Message.Should().NotContain("hunter2");
    }
}
