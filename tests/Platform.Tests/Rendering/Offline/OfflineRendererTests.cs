using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Manifests;
using Paas.Platform.Rendering;
using Paas.Platform.Rendering.Offline;

namespace Paas.Platform.Tests.Rendering.Offline;

public sealed class OfflineRendererTests
{
    private const string Image = "registry.example.com/shop@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private const string ShopApp = """
        apiVersion: paas.dev/v1alpha1
        kind: App
        metadata: {name: shop, namespace: team-a}
        spec:
          procfile: "web: ./server\nworker: ./worker\n"
          config: {RAILS_ENV: production}
        """;

    private static OfflineRenderResult Render(string yaml, OfflineRenderOptions? options = null) =>
        OfflineRenderer.Render(PaasManifest.ReadYaml(yaml), PlatformSettings.Default, options ?? new OfflineRenderOptions());

    [Fact]
    public void App_with_an_image_renders_what_the_renderers_make_for_its_first_release()
    {
        var result = Render(ShopApp, new OfflineRenderOptions { Image = Image });

        result.Errors.Should().BeEmpty();
        var release = result.Objects.OfType<Release>().Should().ContainSingle().Subject;
        release.Spec.Version.Should().Be(1);
        release.Spec.Image.Should().Be(Image);
        release.Spec.ProcessTypes.Should().Equal(new Dictionary<string, string> { ["web"] = "./server", ["worker"] = "./worker" });
        var app = PaasManifest.ReadYaml(ShopApp).Single().Object.Should().BeOfType<App>().Subject;
        var expected = AppRenderer.Render(new RenderInput(app, release, null, PlatformSettings.Default)).All.Select(o => (o.Kind, o.Metadata.Name));
        result.Objects.Skip(2).Select(o => (o.Kind, o.Metadata.Name)).Should().Equal(expected);
        var snapshot = result.Objects[1].Should().BeOfType<Secret>().Subject;
        snapshot.Metadata.Name.Should().Be(release.Spec.Config!.SecretName);
        System.Text.Encoding.UTF8.GetString(snapshot.Data!["RAILS_ENV"]).Should().Be("production");
    }

    [Fact]
    public void Newest_release_among_the_manifests_runs_and_a_config_change_makes_the_next_one()
    {
        var first = Render(ShopApp, new OfflineRenderOptions { Image = Image }).Objects;
        var releaseYaml = ManifestYaml.Write(first.OfType<Release>());
        var snapshotYaml = ManifestYaml.Write(first.OfType<Secret>());
        var changedApp = ShopApp.Replace("RAILS_ENV: production", "RAILS_ENV: staging", StringComparison.Ordinal);

        var same = Render(ShopApp + "\n---\n" + releaseYaml);
        var changed = Render(changedApp + "\n---\n" + releaseYaml + "---\n" + snapshotYaml);
        var changedWithoutSnapshot = Render(changedApp + "\n---\n" + releaseYaml);

        same.Errors.Should().BeEmpty();
        same.Objects.OfType<Release>().Single().Spec.Version.Should().Be(1);
        changed.Errors.Should().BeEmpty();
        var next = changed.Objects.OfType<Release>().Single();
        next.Spec.Version.Should().Be(2);
        next.Spec.Image.Should().Be(Image);
        next.Spec.Description.Should().Be("Set RAILS_ENV config vars");
        changedWithoutSnapshot.Objects.OfType<Release>().Single().Spec.Description.Should().Be("Update config vars", "without v1's snapshot the changed names are unknown");
    }

    [Fact]
    public void Config_from_secrets_and_config_maps_in_the_manifests_is_resolved_in_order_with_spec_config_over_all()
    {
        var result = Render("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: team-a}
            data: {CURRENCY: EUR, REGION: eu}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: credentials, namespace: team-a}
            data: {REGION: dXM=}
            stringData: {TOKEN: t0ken}
            ---
            apiVersion: paas.dev/v1alpha1
            kind: App
            metadata: {name: shop, namespace: team-a}
            spec:
              procfile: "web: ./server"
              configFrom: [{configMapRef: {name: settings}}, {secretRef: {name: credentials}}, {secretRef: {name: elsewhere}}]
              config: {CURRENCY: USD}
            """, new OfflineRenderOptions { Image = Image });

        result.Errors.Should().BeEmpty();
        var snapshot = result.Objects.OfType<Secret>().Single();
        snapshot.Data!.ToDictionary(pair => pair.Key, pair => System.Text.Encoding.UTF8.GetString(pair.Value))
            .Should().Equal(new Dictionary<string, string> { ["CURRENCY"] = "USD", ["REGION"] = "us", ["TOKEN"] = "t0ken" });
        result.Warnings.Should().ContainSingle().Which.Should().Contain("spec.configFrom[2]: Secret \"elsewhere\" is not among the manifests").And.Contain("-f");
    }

    [Fact]
    public void Invalid_manifests_are_reported_like_admission_rejects_them_and_nothing_renders()
    {
        var result = Render(ShopApp + """

            ---
            apiVersion: paas.dev/v1alpha1
            kind: Formation
            metadata: {name: shop, namespace: team-a}
            spec: {app: shop, processes: {web: {quantity: -1}}}
            """, new OfflineRenderOptions { Image = Image });

        result.Objects.Should().BeEmpty();
        result.Errors.Should().ContainSingle().Which.Should().StartWith("Formation shop: spec.processes.web.quantity: value -1 is invalid");
    }

    [Fact]
    public void Formation_of_an_app_missing_from_the_manifests_names_the_fix()
    {
        var result = Render("""
            apiVersion: paas.dev/v1alpha1
            kind: Formation
            metadata: {name: shop}
            spec: {app: shop}
            """);

        result.Errors.Should().ContainSingle().Which.Should().Be("Formation shop: spec.app: value \"shop\" is invalid: no App of that name in namespace default is among the manifests; add the App's manifest (-f app.yaml).");
    }

    [Fact]
    public void App_built_from_git_needs_the_image_its_build_would_produce_and_a_procfile()
    {
        var gitApp = """
            apiVersion: paas.dev/v1alpha1
            kind: App
            metadata: {name: shop}
            ---
            apiVersion: paas.dev/v1alpha1
            kind: Build
            metadata: {name: shop-1}
            spec: {app: shop, source: {git: {url: "https://git.example.com/shop.git"}}}
            """;

        Render(gitApp).Errors.Should().ContainSingle().Which.Should().Contain("Build shop-1 builds from source, which needs a cluster; give the image it would produce with --image REF");
        Render(gitApp, new OfflineRenderOptions { Image = Image }).Errors.Should().ContainSingle().Which.Should().Contain("has no process types").And.Contain("--procfile FILE");
        Render(gitApp, new OfflineRenderOptions { Image = Image, Procfile = "web npm start" }).Errors.Should().ContainSingle().Which.Should().StartWith("App shop: --procfile line 1:");
        var rendered = Render(gitApp, new OfflineRenderOptions { Image = Image, Procfile = "web: npm start\n" });
        rendered.Errors.Should().BeEmpty();
        rendered.Objects.OfType<Deployment>().Single().Metadata.Namespace.Should().Be("default", "objects without a namespace go to the default one");
    }

    [Fact]
    public void Object_defined_twice_and_other_kinds_are_reported()
    {
        var result = Render(ShopApp + "\n---\n" + ShopApp + """

            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: sidecar}
            """, new OfflineRenderOptions { Image = Image });

        result.Errors.Should().ContainSingle().Which.Should().Be("App shop: defined 2 times in namespace team-a; kubectl apply would keep only the last, so keep one manifest of it.");
        result.Warnings.Should().ContainSingle().Which.Should().StartWith("Deployment sidecar: left out");
    }
}
