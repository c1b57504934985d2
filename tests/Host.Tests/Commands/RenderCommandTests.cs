using Paas.Host.Commands;
using Paas.Host.Tests.Support;
using Paas.Platform.Manifests;

namespace Paas.Host.Tests.Commands;

public sealed class RenderCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("paas-render-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter errors = new();

    private static string Sample(string name) => Path.Combine(RunningOperator.RepositoryRoot(), "samples", name);

    [Fact]
    public async Task Sample_file_renders_as_one_yaml_stream_kubectl_can_apply()
    {
        var code = await RunAsync(new RenderRequest([Sample("prebuilt-image.yaml")], null, "team-a", null));

        code.Should().Be(0);
        errors.ToString().Should().BeEmpty();
        var documents = YamlJson.ReadDocuments(output.ToString());
        documents.Select(d => $"{d!["kind"]}/{d["metadata"]!["name"]}").Should().Equal(
            "Release/imageboard-v1", $"Secret/{documents[1]!["metadata"]!["name"]}", "Service/imageboard-web", "Deployment/imageboard-web", "Deployment/imageboard-worker");
        documents.Should().OnlyContain(d => d!["metadata"]!["namespace"]!.ToString() == "team-a");
    }

    [Fact]
    public async Task Standard_input_and_a_settings_file_are_read()
    {
        var settings = Path.Combine(directory, "settings.yaml");
        await File.WriteAllTextAsync(settings, "baseDomain: apps.example.com\n");
        var stdin = new StringReader(await File.ReadAllTextAsync(Sample("prebuilt-image.yaml")));

        var code = await RenderCommand.RunAsync(new RenderRequest(["-"], settings, "team-a", null), stdin, output, errors, CancellationToken.None);

        code.Should().Be(0, errors.ToString());
        var ingress = YamlJson.ReadDocuments(output.ToString()).Single(d => d!["kind"]!.ToString() == "Ingress")!;
        ingress["spec"]!["rules"]![0]!["host"]!.ToString().Should().Be("imageboard.team-a.apps.example.com");
    }

    [Fact]
    public async Task Settings_come_from_the_settings_block_of_a_chart_values_file()
    {
        var values = Path.Combine(directory, "values.yaml");
        await File.WriteAllTextAsync(values, "replicaCount: 3\nsettings:\n  baseDomain: apps.example.net\n  rendering:\n    ingressClassName: nginx\n");

        var code = await RunAsync(new RenderRequest([Sample("prebuilt-image.yaml")], null, "team-a", null, ValuesFile: values));

        code.Should().Be(0, errors.ToString());
        var ingress = YamlJson.ReadDocuments(output.ToString()).Single(d => d!["kind"]!.ToString() == "Ingress")!;
        ingress["spec"]!["ingressClassName"]!.ToString().Should().Be("nginx");
        ingress["spec"]!["rules"]![0]!["host"]!.ToString().Should().Be("imageboard.team-a.apps.example.net");
    }

    [Fact]
    public async Task Wrong_settings_in_a_values_file_or_two_sources_of_settings_exit_2()
    {
        var values = Path.Combine(directory, "values.yaml");
        await File.WriteAllTextAsync(values, "settings:\n  baseDomian: apps.example.net\n");
        var settings = Path.Combine(directory, "settings.yaml");
        await File.WriteAllTextAsync(settings, "baseDomain: apps.example.net\n");

        (await RunAsync(new RenderRequest([Sample("prebuilt-image.yaml")], null, "default", null, ValuesFile: values))).Should().Be(2);
        errors.ToString().Should().Contain("(settings)").And.Contain("did you mean \"baseDomain\"");
        (await RunAsync(new RenderRequest([Sample("prebuilt-image.yaml")], settings, "default", null, ValuesFile: values))).Should().Be(2);
        errors.ToString().Should().Contain("--settings and --values both give the platform settings; pass one of them.");
        output.ToString().Should().BeEmpty();
    }

    [Fact]
    public async Task Invalid_manifest_prints_errors_and_no_objects_and_exits_1()
    {
        var file = Path.Combine(directory, "bad.yaml");
        await File.WriteAllTextAsync(file, "apiVersion: paas.dev/v1alpha1\nkind: App\nmetadata: {name: Shop}\n");

        var code = await RunAsync(new RenderRequest([file], null, "default", "registry.example.com/shop:1"));

        code.Should().Be(1);
        output.ToString().Should().BeEmpty();
        errors.ToString().Should().StartWith("error: App Shop: metadata.name");
    }

    [Fact]
    public async Task Missing_files_and_broken_settings_exit_2_naming_the_option()
    {
        (await RunAsync(new RenderRequest([Path.Combine(directory, "nope.yaml")], null, "default", null))).Should().Be(2);
        errors.ToString().Should().Contain("-f: file").And.Contain("nope.yaml does not exist");

        var settings = Path.Combine(directory, "settings.yaml");
        await File.WriteAllTextAsync(settings, "maxQuantty: 3\n");
        (await RunAsync(new RenderRequest([Sample("prebuilt-image.yaml")], settings, "default", null))).Should().Be(2);
        errors.ToString().Should().Contain("maxQuantty");

        (await RunAsync(new RenderRequest([Sample("node-from-git.yaml")], null, "default", "registry.example.com/x:1", Path.Combine(directory, "Procfile")))).Should().Be(2);
        errors.ToString().Should().Contain("--procfile: file");
        output.ToString().Should().BeEmpty();
    }

    [Fact]
    public async Task Warnings_go_to_standard_error_and_the_objects_still_render()
    {
        var file = Path.Combine(directory, "app.yaml");
        await File.WriteAllTextAsync(file, "apiVersion: paas.dev/v1alpha1\nkind: App\nmetadata: {name: shop}\nspec:\n  procfile: 'web: ./server'\n  configFrom: [{secretRef: {name: creds}}]\n");

        var code = await RunAsync(new RenderRequest([file], null, "default", "registry.example.com/shop:1"));

        code.Should().Be(0);
        errors.ToString().Should().StartWith("warning: App shop: spec.configFrom[0]: Secret \"creds\" is not among the manifests");
        YamlJson.ReadDocuments(output.ToString()).Should().Contain(d => d!["kind"]!.ToString() == "Deployment");
    }

    private Task<int> RunAsync(RenderRequest request) => RenderCommand.RunAsync(request, TextReader.Null, output, errors, CancellationToken.None);

    public void Dispose()
    {
        output.Dispose();
        errors.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
