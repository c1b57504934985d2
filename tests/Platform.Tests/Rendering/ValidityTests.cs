using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Rendering;

namespace Paas.Platform.Tests.Rendering;

public sealed class ValidityTests
{
    public static TheoryData<string> Cases => [.. Samples.CaseNames];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_rendered_object_passes_kubernetes_validation(string caseName)
    {
        var objects = Samples.RenderAll(Samples.Cases[caseName]);

        objects.SelectMany(KubernetesObjectRules.Violations).Should().BeEmpty();
    }

    [Fact]
    public void The_longest_app_and_process_names_the_webhook_accepts_still_render_valid_objects()
    {
        var app = new string('a', 30);
        var processType = new string('b', 63 - app.Length - 1);
        var input = Samples.Input(Samples.App(app, domains: ["x.example.com"]), Samples.Release(app, 1, ("web", "puma"), (processType, "run")), null, Samples.Routed);

        Samples.RenderAll(input).SelectMany(KubernetesObjectRules.Violations).Should().BeEmpty();
    }

    [Fact]
    public void The_rules_catch_an_invalid_object()
    {
        var deployment = AppRenderer.Render(Samples.Cases["web-only"]).Deployments.Single();
        var broken = deployment with
        {
            Metadata = deployment.Metadata with { Name = "Hello_Web", Labels = new Dictionary<string, string> { [PaasLabels.App] = "-bad-" } },
            Spec = deployment.Spec! with { Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["x"] = "y" } } },
        };

        KubernetesObjectRules.Violations(broken).Should().HaveCount(4);
    }

    [Fact]
    public void The_rules_catch_a_pod_that_is_not_restricted()
    {
        var deployment = AppRenderer.Render(Samples.Cases["web-only"]).Deployments.Single();
        var pod = deployment.Spec!.Template.Spec;
        var loose = deployment with
        {
            Spec = deployment.Spec with { Template = deployment.Spec.Template with { Spec = pod with { SecurityContext = null, Containers = [pod.Containers[0] with { SecurityContext = null }] } } },
        };

        KubernetesObjectRules.Violations(loose).Should().HaveCount(4);
    }
}
