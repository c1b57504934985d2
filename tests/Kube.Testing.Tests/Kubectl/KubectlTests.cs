using System.Text.Json.Nodes;
using Kube.Testing.Kubectl;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.Kubectl;

/// <summary>The real kubectl 1.32 against a fresh server: the compatibility the README promises.</summary>
public sealed class KubectlTests : ServerTest
{
    private const string DeploymentYaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: default
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx:1.27
        """;

    private const string CrdYaml = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: apps.paas.dev
        spec:
          group: paas.dev
          scope: Namespaced
          names: {kind: App, plural: apps, singular: app, shortNames: [pa], categories: [paas]}
          versions:
          - name: v1alpha1
            served: true
            storage: true
            subresources: {status: {}}
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
            additionalPrinterColumns:
            - {name: URL, type: string, jsonPath: .status.url}
            - {name: Ready, type: string, jsonPath: '.status.conditions[?(@.type=="Ready")].status'}
        """;

    private const string AppYaml = """
        apiVersion: paas.dev/v1alpha1
        kind: App
        metadata:
          name: hello
          namespace: default
        spec:
          stack: heroku-24
        """;

    private string _kubeconfig = "";
    private KubectlProcess _kubectl = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _kubeconfig = Server.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}"));
        _kubectl = new KubectlProcess(_kubeconfig);
    }

    public override async Task DisposeAsync()
    {
        File.Delete(_kubeconfig);
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Api_resources_lists_built_ins_with_short_names()
    {
        var result = await _kubectl.RunAsync("api-resources");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().MatchRegex(@"deployments\s+deploy\s+apps/v1\s+true\s+Deployment");
        result.Stdout.Should().MatchRegex(@"configmaps\s+cm\s+v1\s+true\s+ConfigMap");
    }

    [Fact]
    public async Task Get_namespaces_prints_a_table()
    {
        var result = await _kubectl.RunAsync("get", "namespaces");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().MatchRegex(@"NAME\s+AGE");
        result.Stdout.Should().Contain("default").And.Contain("kube-system").And.Contain("kube-public");
    }

    [Fact]
    public async Task Get_configmap_as_yaml_and_json()
    {
        await Api.PostAsync("/api/v1/namespaces/default/configmaps", Objects.ConfigMap("settings", data: new() { ["color"] = "blue" }));

        var table = await _kubectl.RunAsync("get", "cm", "settings");
        var yaml = await _kubectl.RunAsync("get", "configmap", "settings", "-o", "yaml");
        var json = await _kubectl.RunAsync("get", "configmap", "settings", "-o", "json");

        table.Stdout.Should().MatchRegex(@"settings\s+\d+s");
        yaml.ExitCode.Should().Be(0, yaml.ToString());
        yaml.Stdout.Should().Contain("color: blue").And.Contain("kind: ConfigMap");
        JsonNode.Parse(json.Stdout)!["data"]!["color"]!.GetValue<string>().Should().Be("blue");
    }

    [Fact]
    public async Task Server_side_apply_of_a_deployment()
    {
        var applied = await _kubectl.RunAsync(["apply", "--server-side", "-f", "-"], DeploymentYaml);
        var again = await _kubectl.RunAsync(["apply", "--server-side", "-f", "-"], DeploymentYaml.Replace("replicas: 2", "replicas: 3", StringComparison.Ordinal));

        applied.ExitCode.Should().Be(0, applied.ToString());
        applied.Stdout.Should().Contain("deployment.apps/web serverside-applied");
        again.ExitCode.Should().Be(0, again.ToString());
        var live = await Api.GetAsync("/apis/apps/v1/namespaces/default/deployments/web");
        live.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(3);
        live.Json["metadata"]!["managedFields"]!.AsArray().Select(m => m!["manager"]!.GetValue<string>()).Should().Contain("kubectl");
    }

    [Fact]
    public async Task Crd_and_custom_object_show_printer_columns_and_category()
    {
        var crd = await _kubectl.RunAsync(["apply", "--server-side", "-f", "-"], CrdYaml);
        var app = await _kubectl.RunAsync(["apply", "--server-side", "-f", "-"], AppYaml);
        await Api.PatchAsync("/apis/paas.dev/v1alpha1/namespaces/default/apps/hello/status",
            JsonNode.Parse("""{"status":{"url":"http://hello.default","conditions":[{"type":"Ready","status":"True"}]}}""")!,
            "application/merge-patch+json");

        var byPlural = await _kubectl.RunAsync("get", "apps.paas.dev");
        var byCategory = await _kubectl.RunAsync("get", "paas");

        crd.ExitCode.Should().Be(0, crd.ToString());
        app.ExitCode.Should().Be(0, app.ToString());
        byPlural.Stdout.Should().MatchRegex(@"NAME\s+URL\s+READY");
        byPlural.Stdout.Should().MatchRegex(@"hello\s+http://hello\.default\s+True");
        byCategory.ExitCode.Should().Be(0, byCategory.ToString());
        byCategory.Stdout.Should().Contain("hello");
    }

    [Fact]
    public async Task Wait_returns_when_the_condition_is_set_through_status()
    {
        await _kubectl.RunAsync(["apply", "--server-side", "-f", "-"], CrdYaml);
        await _kubectl.RunAsync(["apply", "--server-side", "-f", "-"], AppYaml);

        var wait = _kubectl.RunAsync("wait", "--for=condition=Ready", "app/hello", "-n", "default", "--timeout=20s");
        // Give kubectl time to find the condition unmet and start watching; the test passes either way.
        await Task.Delay(500);
        await Api.PatchAsync("/apis/paas.dev/v1alpha1/namespaces/default/apps/hello/status",
            JsonNode.Parse("""{"status":{"conditions":[{"type":"Ready","status":"True"}]}}""")!, "application/merge-patch+json");
        var result = await wait;

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("app.paas.dev/hello condition met");
    }

    [Fact]
    public async Task Create_subcommands_send_protobuf_that_the_server_decodes()
    {
        var ns = await _kubectl.RunAsync("create", "namespace", "team-a");
        var cm = await _kubectl.RunAsync("create", "configmap", "settings", "-n", "team-a", "--from-literal=color=blue");
        var secret = await _kubectl.RunAsync("create", "secret", "generic", "db", "-n", "team-a", "--from-literal=password=hunter2");

        ns.ExitCode.Should().Be(0, ns.ToString());
        cm.ExitCode.Should().Be(0, cm.ToString());
        secret.ExitCode.Should().Be(0, secret.ToString());
        (await Api.GetAsync("/api/v1/namespaces/team-a/configmaps/settings")).Json["data"]!["color"]!.GetValue<string>().Should().Be("blue");
        var stored = (await Api.GetAsync("/api/v1/namespaces/team-a/secrets/db")).Json;
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(stored["data"]!["password"]!.GetValue<string>())).Should().Be("hunter2");
    }

    [Fact]
    public async Task Delete_removes_the_object_and_waits_for_it()
    {
        await Api.PostAsync("/api/v1/namespaces/default/configmaps", Objects.ConfigMap("doomed"));

        var result = await _kubectl.RunAsync("delete", "configmap", "doomed");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("configmap \"doomed\" deleted");
        (await Api.GetAsync("/api/v1/namespaces/default/configmaps/doomed")).Status.Should().Be(System.Net.HttpStatusCode.NotFound);
    }
}
