using System.Text.Json.Nodes;
using Kube.Client;
using Paas.Samples.Tests.Support;

namespace Paas.Samples.Tests;

/// <summary>The Argo CD and Flux examples point at samples that exist and health-check the objects those samples create.</summary>
public sealed class GitOpsManifestTests
{
    private static string GitOps => Path.Combine(Repository.Samples, "gitops");

    [Fact]
    public void The_argo_cd_application_deploys_an_existing_sample_server_side()
    {
        var application = Read("argocd/application.yaml").Single();

        var source = application["spec"]!["source"]!;
        var sample = Path.Combine(Repository.Root, (string)source["path"]!, (string)source["directory"]!["include"]!);
        File.Exists(sample).Should().BeTrue($"{sample} is what the Application syncs");
        application["spec"]!["syncPolicy"]!["syncOptions"]!.AsArray().Select(option => (string?)option).Should().Contain("ServerSideApply=true");
    }

    [Fact]
    public void The_flux_kustomization_health_checks_the_app_and_formation_its_sample_creates()
    {
        var documents = Read("flux/kustomization.yaml");
        var kustomization = documents.Single(d => (string?)d["kind"] == "Kustomization");
        var included = Path.Combine(Repository.Samples, "web-worker-clock.yaml");
        var created = ManifestYaml.Parse(File.ReadAllText(included)).Select(o => $"{o["kind"]}/{o["metadata"]!["name"]}");

        var checkedObjects = kustomization["spec"]!["healthChecks"]!.AsArray().Select(c => $"{c!["kind"]}/{c["name"]}");

        checkedObjects.Should().BeSubsetOf(created);
        kustomization["spec"]!["healthCheckExprs"]!.AsArray().Select(e => (string?)e!["kind"])
            .Should().BeEquivalentTo(["App", "Build", "Release", "Formation"]);
        documents.Single(d => (string?)d["kind"] == "GitRepository")["spec"]!["ignore"]!.GetValue<string>()
            .Should().Contain("!/samples/web-worker-clock.yaml");
    }

    private static IReadOnlyList<JsonObject> Read(string path) => ManifestYaml.Parse(File.ReadAllText(Path.Combine(GitOps, path)), path);
}
