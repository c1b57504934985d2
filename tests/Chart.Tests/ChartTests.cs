using System.CommandLine;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Paas.Host.Commands;
using Paas.Host.Running.Settings;
using Paas.Platform;
using Paas.Platform.Dynos;
using Paas.Webhook;
using Paas.Webhook.Registration;

namespace Paas.Chart.Tests;

public class ChartTests
{
    public static TheoryData<string> ValueSets => new() { "default", "all-features" };

    private static Task<IReadOnlyList<JsonObject>> RenderAsync(string values) =>
        values == "default" ? HelmChart.TemplateAsync() : HelmChart.TemplateAsync("-f", HelmChart.AllFeaturesValues);

    [Theory]
    [MemberData(nameof(ValueSets))]
    public async Task The_deployment_starts_the_operator_with_flags_that_paas_operator_run_accepts(string values)
    {
        var deployment = (await RenderAsync(values)).Single("Deployment", "paas-operator");
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single()!;
        var arguments = container["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();

        var parsed = new RootCommand { RunCommand.Create() }.Parse(arguments);

        parsed.Errors.Select(e => e.Message).Should().BeEmpty("every flag the chart passes must exist in `paas-operator run`");
        arguments.Should().Contain(["run", "--leader-elect=true", "--settings=/etc/paas-operator/settings.yaml"]);
    }

    [Fact]
    public async Task A_flag_the_operator_does_not_know_is_reported_by_the_same_check()
    {
        var parsed = new RootCommand { RunCommand.Create() }.Parse(["run", "--leader-elect=true", "--no-such-flag"]);

        parsed.Errors.Should().NotBeEmpty();
        await Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(ValueSets))]
    public async Task The_settings_the_chart_renders_are_accepted_by_the_operator(string values)
    {
        var configMap = (await RenderAsync(values)).Single("ConfigMap", "paas-operator-settings");

        var settings = SettingsFile.Parse(configMap["data"]!["settings.yaml"]!.GetValue<string>(), $"{values} values");

        settings.Rendering.Maintenance.Namespace.Should().Be(HelmChart.Namespace, "the chart runs the maintenance page in its own namespace");
        if (values == "default")
        {
            settings.Should().BeEquivalentTo(
                PlatformSettings.Default with { Rendering = settings.Rendering },
                "the chart's defaults are the operator's own");
        }
        else
        {
            settings.BaseDomain.Should().Be("apps.example.com");
            settings.Rendering.ClusterIssuer.Should().Be("letsencrypt-prod");
            settings.Builds.Registry.Should().Be("ghcr.io/example/paas");
            settings.Builds.TimeoutSeconds.Should().Be(1800);
            settings.DynoSizes.Find("tiny").Should().Be(new DynoSize("tiny", "256Mi", "100m", "500m"));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_webhook_configurations_are_the_ones_the_webhook_itself_renders(bool certManager)
    {
        var objects = certManager ? await HelmChart.TemplateAsync("--set", "webhook.certManager.enabled=true") : await HelmChart.TemplateAsync();
        var (validating, mutating) = WebhookConfigurations.Render(new WebhookOptions
        {
            Namespace = HelmChart.Namespace,
            TlsMode = certManager ? WebhookTlsMode.CertManager : WebhookTlsMode.SelfSigned,
        });

        foreach (var expected in new[] { validating, mutating })
        {
            var rendered = objects.Single((string)expected["kind"]!, "paas-operator");
            Normalized(rendered["webhooks"]).Should().Be(Normalized(expected["webhooks"]));
            Normalized(rendered["metadata"]!["annotations"]).Should().Be(Normalized(expected["metadata"]!["annotations"]));
            foreach (var (key, value) in expected["metadata"]!["labels"]!.AsObject())
            {
                rendered["metadata"]!["labels"]![key]?.GetValue<string>().Should().Be(value!.GetValue<string>());
            }
        }
    }

    [Fact]
    public void The_values_schema_describes_exactly_the_settings_the_operator_reads()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(HelmChart.ChartDirectory, "values.schema.json")))!;
        var differences = new List<string>();

        Compare(schema["properties"]!["settings"]!, SettingsFile.SerializerOptions.GetTypeInfo(typeof(PlatformSettings)), "settings", differences);

        differences.Should().BeEmpty("values.schema.json's settings block must follow PlatformSettings (add or remove the keys named)");
    }

    private static void Compare(JsonNode schema, JsonTypeInfo type, string path, List<string> differences)
    {
        if (type.Type == typeof(DynoSizeTable))
        {
            Compare(schema["items"]!, type.Options.GetTypeInfo(typeof(DynoSize)), path + "[]", differences);
            return;
        }

        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object:
                var inSchema = schema["properties"]?.AsObject().Select(p => p.Key).ToHashSet() ?? [];
                var inSettings = type.Properties.Select(p => p.Name).ToHashSet();
                differences.AddRange(inSettings.Except(inSchema).Select(k => $"{path}.{k} is read by the operator but missing from the schema"));
                differences.AddRange(inSchema.Except(inSettings).Select(k => $"{path}.{k} is in the schema but the operator does not read it"));
                foreach (var property in type.Properties.Where(p => inSchema.Contains(p.Name)))
                {
                    Compare(schema["properties"]![property.Name]!, type.Options.GetTypeInfo(property.PropertyType), $"{path}.{property.Name}", differences);
                }

                break;
            case JsonTypeInfoKind.Enumerable:
                Compare(schema["items"]!, type.Options.GetTypeInfo(type.ElementType!), path + "[]", differences);
                break;
            case JsonTypeInfoKind.Dictionary:
                Compare(schema["additionalProperties"]!, type.Options.GetTypeInfo(type.ElementType!), path + ".*", differences);
                break;
        }
    }

    private static string Normalized(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Normalized(p.Value)}")) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Normalized)) + "]",
        _ => node.ToJsonString(),
    };
}
