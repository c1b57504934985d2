using Paas.Platform.Rendering;

namespace Paas.Platform.Tests.Rendering;

public sealed class RoutingTests
{
    [Fact]
    public void Web_service_forwards_port_80_to_the_named_web_port()
    {
        var service = AppRenderer.Render(Samples.Cases["web-only"]).Services.Single();

        service.Metadata.Name.Should().Be("hello-web");
        service.Spec!.Type.Should().Be("ClusterIP");
        var port = service.Spec.Ports!.Single();
        port.Port.Should().Be(80);
        port.TargetPort!.Text.Should().Be(DynoPod.WebPortName);
    }

    [Fact]
    public void Without_base_domain_or_domains_there_is_no_ingress()
    {
        var rendered = AppRenderer.Render(Samples.Cases["web-only"]);

        rendered.Ingresses.Should().BeEmpty();
        rendered.Hosts.Should().BeEmpty();
    }

    [Fact]
    public void Hosts_are_the_platform_host_then_custom_domains_lowercased_once_each()
    {
        var rendered = AppRenderer.Render(Samples.Cases["domains-tls"]);

        rendered.Hosts.Should().Equal("shop.team-a.apps.example.net", "www.example.com", "example.com");
        var ingress = rendered.Ingresses.Single();
        ingress.Spec!.Rules!.Select(r => r.Host).Should().Equal(rendered.Hosts);
        ingress.Spec.IngressClassName.Should().Be("nginx");
        ingress.Spec.Tls!.Single().Hosts.Should().Equal(rendered.Hosts);
        ingress.Spec.Tls!.Single().SecretName.Should().Be("shop-tls");
        ingress.Metadata.Annotations.Should().Contain(WebIngress.ClusterIssuerAnnotation, "letsencrypt");
        ingress.Spec.Rules!.Should().AllSatisfy(r => r.Http!.Paths.Single().Backend.Service!.Name.Should().Be("shop-web"));
    }

    [Fact]
    public void Without_tls_the_ingress_has_no_tls_section_and_no_issuer()
    {
        var input = Samples.Cases["domains-tls"] with { Settings = Samples.Routed with { Rendering = new RenderingSettings { ClusterIssuer = "letsencrypt" } } };

        var ingress = AppRenderer.Render(input).Ingresses.Single();

        ingress.Spec!.Tls.Should().BeNull();
        ingress.Metadata.Annotations.Should().BeNull();
    }

    [Fact]
    public void Maintenance_mode_routes_every_host_to_an_alias_of_the_platform_maintenance_service()
    {
        var rendered = AppRenderer.Render(Samples.Cases["maintenance"]);

        var alias = rendered.Services.Single(s => s.Metadata.Name == "shop-maintenance");
        alias.Spec!.Type.Should().Be("ExternalName");
        alias.Spec.ExternalName.Should().Be("paas-maintenance.paas-system.svc.cluster.local");
        rendered.Ingresses.Single().Spec!.Rules!.Should().AllSatisfy(r => r.Http!.Paths.Single().Backend.Service!.Name.Should().Be("shop-maintenance"));
        rendered.Deployments.Single().Spec!.Replicas.Should().Be(1, "dynos keep running in maintenance mode");
    }
}
