using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Manifests;
using Paas.Platform.Rendering;

namespace Paas.Platform.Tests.Rendering;

public sealed class OneOffDynoTests
{
    private static readonly RenderInput Input = Samples.Input(
        Samples.App("shop"),
        Samples.Release("shop", 7, ("web", "bundle exec puma"), ("worker", "bundle exec sidekiq")),
        null) with
    {
        Owner = new OwnerReference { ApiVersion = "paas.dev/v1alpha1", Kind = "App", Name = "shop", Uid = "0b1e5a2c-0000-4000-8000-000000000001" },
    };

    private static Job Render(IReadOnlyDictionary<string, string>? env = null) =>
        OneOffDyno.Render(Input, OneOffDyno.Name("shop", 4821), "bundle exec rake db:migrate", "standard-2x", env);

    [Fact]
    public async Task One_off_dyno_matches_the_golden_file()
    {
        var yaml = ManifestYaml.Write([Render(new Dictionary<string, string> { ["VERBOSE"] = "1" })]);
        var path = Path.Combine(RepoPaths.TestProject, "Rendering", "golden", "one-off-dyno.yaml");
        if (RepoPaths.UpdateGolden)
        {
            await File.WriteAllTextAsync(path, yaml);
        }

        (await File.ReadAllTextAsync(path)).Should().Be(yaml, "the one-off dyno changed; if intended, run PAAS_UPDATE_GOLDEN=1 dotnet test tests/Platform.Tests and review one-off-dyno.yaml");
    }

    [Fact]
    public void Runs_the_command_once_from_the_releases_image_with_its_config_vars_and_is_owned_by_the_app()
    {
        var job = Render();

        job.Metadata.Name.Should().Be("shop-run-4821");
        job.Metadata.OwnerReferences.Should().ContainSingle().Which.Name.Should().Be("shop");
        job.Spec!.BackoffLimit.Should().Be(0, "Heroku runs a one-off command once");
        job.Spec.ActiveDeadlineSeconds.Should().Be(24 * 3600);
        var pod = job.Spec.Template.Spec!;
        pod.RestartPolicy.Should().Be("Never");
        var container = pod.Containers.Should().ContainSingle().Subject;
        container.Image.Should().Be(Samples.Image);
        container.Args.Should().Equal("bundle exec rake db:migrate");
        container.EnvFrom.Should().ContainSingle().Which.SecretRef!.Name.Should().Be(Input.Release.Spec.Config!.SecretName);
        container.Ports.Should().BeNull("a one-off dyno serves no traffic");
        container.Resources!.Limits!["memory"].Should().Be("1Gi", "standard-2x");
        job.Spec.Template.Metadata!.Labels.Should().Contain(PaasLabels.ProcessType, "run").And.Contain(PaasLabels.Release, "v7");
        KubernetesObjectRules.Violations(job).Should().BeEmpty();
    }

    [Fact]
    public void Env_given_on_the_command_line_comes_after_the_config_vars_so_it_wins()
    {
        var env = Render(new Dictionary<string, string> { ["RAILS_ENV"] = "staging" }).Spec!.Template.Spec!.Containers[0].Env!;

        env[^1].Should().Be(new EnvVar { Name = "RAILS_ENV", Value = "staging" });
    }

    [Fact]
    public void Unknown_size_names_the_sizes_there_are()
    {
        FluentActions.Invoking(() => OneOffDyno.Render(Input, "shop-run-1", "bash", "huge"))
            .Should().Throw<ArgumentException>().WithMessage("*no dyno size huge; the sizes are *standard-1x*");
    }
}
