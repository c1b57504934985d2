using Paas.Platform.Procfiles;

namespace Paas.Platform.Tests.Procfiles;

public sealed class ProcessTypeNamesTests
{
    [Theory]
    [InlineData("web", "web")]
    [InlineData("urgent_worker", "urgent-worker")]
    [InlineData("Clock", "clock")]
    [InlineData("_worker_", "worker")]
    [InlineData("Web_Dev-2", "web-dev-2")]
    [InlineData("___", "")]
    public void Kubernetes_name_is_lowercase_with_dashes_like_herokus_cnb_parser(string name, string expected)
    {
        ProcessTypeNames.ToKubernetesName(name).Should().Be(expected);
    }

    [Fact]
    public void Object_name_joins_app_and_mapped_type()
    {
        ProcessTypeNames.ObjectName("my-app", "urgent_worker").Should().Be("my-app-urgent-worker");
    }

    [Fact]
    public void Parse_keeps_original_names_and_commands_in_line_order()
    {
        var result = Procfile.Parse("web: node index.js\n# jobs\nurgent_worker: node urgent.js --queue=urgent\n");

        result.ProcessTypes.Should().Equal(
            new ProcessType("web", "web", "node index.js", 1),
            new ProcessType("urgent_worker", "urgent-worker", "node urgent.js --queue=urgent", 3));
        result.ToProcessTypeMap().Keys.Should().Equal("web", "urgent_worker");
    }

    [Fact]
    public void Name_that_fits_alone_is_rejected_only_when_an_app_name_is_given()
    {
        const string procfile = "background-queue-processor-number-one: node q.js\n";

        Procfile.Parse(procfile).IsValid.Should().BeTrue();
        Procfile.Parse(procfile, appName: "a-rather-long-app-name-here").IsValid.Should().BeFalse();
    }
}
