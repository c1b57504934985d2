using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Manifests;
using Paas.Platform.Rendering;

namespace Paas.Platform.Tests.Rendering;

public sealed class AppRendererTests
{
    [Fact]
    public void Without_a_formation_web_runs_one_dyno_and_other_types_none()
    {
        var rendered = AppRenderer.Render(Samples.Input(Samples.App("shop"), Samples.Release("shop", 1, ("web", "puma"), ("worker", "sidekiq")), null));

        rendered.Deployments.Single(d => d.Metadata.Name == "shop-web").Spec!.Replicas.Should().Be(1);
        rendered.Deployments.Single(d => d.Metadata.Name == "shop-worker").Spec!.Replicas.Should().Be(0);
    }

    [Fact]
    public void A_formation_entry_without_quantity_keeps_the_default_but_sets_the_size()
    {
        var input = Samples.Input(
            Samples.App("shop"),
            Samples.Release("shop", 1, ("worker", "sidekiq")),
            Samples.Formation("shop", ("worker", new ProcessFormation { Size = "performance-l" })));

        var deployment = AppRenderer.Render(input).Deployments.Single();

        deployment.Spec!.Replicas.Should().Be(0);
        deployment.Spec.Template.Spec.Containers[0].Resources!.Limits.Should().Contain("memory", "14Gi");
    }

    [Fact]
    public void Autoscaled_process_omits_replicas_and_gets_an_hpa_with_its_bounds()
    {
        var rendered = AppRenderer.Render(Samples.Cases["autoscaled-web"]);

        rendered.Deployments.Single(d => d.Metadata.Name == "shop-web").Spec!.Replicas.Should().BeNull();
        var hpa = rendered.Autoscalers.Should().ContainSingle().Subject;
        hpa.Spec!.ScaleTargetRef.Name.Should().Be("shop-web");
        hpa.Spec.MinReplicas.Should().Be(2);
        hpa.Spec.MaxReplicas.Should().Be(10);
        hpa.Spec.Metrics!.Single().Resource!.Target.AverageUtilization.Should().Be(70);
    }

    [Fact]
    public void Autoscale_without_a_target_aims_at_80_percent_cpu()
    {
        var input = Samples.Input(
            Samples.App("shop"),
            Samples.Release("shop", 1, ("web", "puma")),
            Samples.Formation("shop", ("web", new ProcessFormation { Autoscale = new Autoscale { Min = 1, Max = 3 } })));

        AppRenderer.Render(input).Autoscalers.Single().Spec!.Metrics!.Single().Resource!.Target.AverageUtilization.Should().Be(80);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(5, true)]
    public void Disruption_budget_exists_only_when_more_than_one_dyno_runs(int quantity, bool expected)
    {
        var input = Samples.Input(
            Samples.App("shop"),
            Samples.Release("shop", 1, ("worker", "sidekiq")),
            Samples.Formation("shop", ("worker", new ProcessFormation { Quantity = quantity })));

        var budgets = AppRenderer.Render(input).DisruptionBudgets;

        budgets.Should().HaveCount(expected ? 1 : 0);
        if (expected)
        {
            budgets[0].Spec!.MaxUnavailable.Should().Be(IntOrString.Of(1));
            budgets[0].Spec!.Selector!.MatchLabels.Should().Equal(WorkloadLabels.Selector("shop", "worker"));
        }
    }

    [Fact]
    public void Selectors_use_app_and_process_type_but_never_the_release()
    {
        var rendered = AppRenderer.Render(Samples.Cases["web-worker-clock"]);

        foreach (var deployment in rendered.Deployments)
        {
            deployment.Spec!.Selector.MatchLabels!.Keys.Should().BeEquivalentTo(PaasLabels.App, PaasLabels.ProcessType);
            deployment.Spec.Template.Metadata!.Labels.Should().Contain(PaasLabels.Release, "v7");
            deployment.Spec.Template.Metadata.Labels.Should().Contain(deployment.Spec.Selector.MatchLabels!);
        }

        rendered.Services.Single().Spec!.Selector!.Keys.Should().NotContain(PaasLabels.Release);
    }

    [Fact]
    public void Web_rolls_without_losing_a_dyno_and_probes_its_port_for_heroku_boot_timeout()
    {
        var web = AppRenderer.Render(Samples.Cases["web-only"]).Deployments.Single();

        web.Spec!.Strategy!.RollingUpdate!.MaxUnavailable.Should().Be(IntOrString.Of(0));
        var container = web.Spec.Template.Spec.Containers.Single();
        var startup = container.StartupProbe!;
        startup.TcpSocket!.Port.Should().Be(IntOrString.Of("http"));
        (startup.PeriodSeconds!.Value * startup.FailureThreshold!.Value).Should().Be(60);
        container.ReadinessProbe!.TcpSocket.Should().NotBeNull();
        container.Ports!.Single().Port.Should().Be(5000);
        container.Env.Should().Contain(e => e.Name == "PORT" && e.Value == "5000");
    }

    [Fact]
    public void Non_web_dynos_have_no_probes_no_port_and_never_exceed_their_quantity_while_rolling()
    {
        var worker = AppRenderer.Render(Samples.Cases["web-worker-clock"]).Deployments.Single(d => d.Metadata.Name == "shop-worker");

        var container = worker.Spec!.Template.Spec.Containers.Single();
        container.StartupProbe.Should().BeNull();
        container.ReadinessProbe.Should().BeNull();
        container.Ports.Should().BeNull();
        container.Env.Should().NotContain(e => e.Name == "PORT");
        worker.Spec.Strategy!.RollingUpdate!.MaxSurge.Should().Be(IntOrString.Of(0));
    }

    [Fact]
    public void Process_types_that_are_not_kubernetes_names_are_mapped_in_object_names_and_labels()
    {
        var rendered = AppRenderer.Render(Samples.Cases["web-worker-clock"]);

        var urgent = rendered.Deployments.Single(d => d.Metadata.Name == "shop-urgent-worker");
        urgent.Metadata.Labels.Should().Contain(PaasLabels.ProcessType, "urgent-worker");
        urgent.Spec!.Template.Spec.Containers.Single().Name.Should().Be("urgent-worker");
        urgent.Spec.Template.Spec.Containers.Single().Args.Should().Equal("bundle exec sidekiq -q urgent");
        urgent.Spec.Replicas.Should().Be(1, "the Formation's urgent_worker entry applies to it");
    }

    [Fact]
    public void Formation_keyed_by_the_kubernetes_name_still_applies_to_the_procfile_name()
    {
        var input = Samples.Input(
            Samples.App("shop"),
            Samples.Release("shop", 1, ("urgent_worker", "sidekiq")),
            Samples.Formation("shop", ("urgent-worker", new ProcessFormation { Quantity = 4 })));

        AppRenderer.Render(input).Deployments.Single().Spec!.Replicas.Should().Be(4);
    }

    [Fact]
    public void Dynos_take_config_from_the_release_snapshot_and_their_pod_name_as_dyno()
    {
        var container = AppRenderer.Render(Samples.Cases["web-only"]).Deployments.Single().Spec!.Template.Spec.Containers.Single();

        container.Image.Should().Be(Samples.Image);
        container.EnvFrom!.Single().SecretRef!.Name.Should().Be("hello-config-543d7295f3");
        container.Env.Should().Contain(e => e.Name == "DYNO" && e.ValueFrom!.FieldRef!.FieldPath == "metadata.name");
        container.Env.Should().Contain(e => e.Name == "PAAS_RELEASE_VERSION" && e.Value == "1");
        container.Command.Should().Equal(DynoLauncher.Command);
        container.Args.Should().Equal("node server.js");
    }

    [Fact]
    public void Dynos_of_a_release_without_config_get_no_env_from_rather_than_a_guessed_secret()
    {
        var release = Samples.Release("hello", 1, ("web", "node server.js"));
        release = release with { Spec = release.Spec with { Config = null } };

        var container = AppRenderer.Render(Samples.Input(Samples.App("hello"), release, null)).Deployments.Single().Spec!.Template.Spec.Containers.Single();

        container.EnvFrom.Should().BeNull();
        container.Env.Should().Contain(e => e.Name == "PAAS_RELEASE_VERSION" && e.Value == "1");
    }

    [Fact]
    public void Pods_are_restricted_and_stop_like_heroku_dynos()
    {
        var pod = AppRenderer.Render(Samples.Cases["web-only"]).Deployments.Single().Spec!.Template.Spec;

        pod.TerminationGracePeriodSeconds.Should().Be(30);
        pod.AutomountServiceAccountToken.Should().BeFalse();
        pod.EnableServiceLinks.Should().BeFalse();
        pod.SecurityContext!.RunAsNonRoot.Should().BeTrue();
        pod.SecurityContext.SeccompProfile!.Type.Should().Be("RuntimeDefault");
        pod.Containers.Single().SecurityContext!.AllowPrivilegeEscalation.Should().BeFalse();
        pod.Containers.Single().SecurityContext!.Capabilities!.Drop.Should().Equal("ALL");
    }

    [Fact]
    public void An_unknown_dyno_size_names_the_field_the_value_and_the_sizes_on_offer()
    {
        var input = Samples.Input(
            Samples.App("shop"),
            Samples.Release("shop", 1, ("web", "puma")),
            Samples.Formation("shop", ("web", new ProcessFormation { Size = "hobby" })));

        var render = () => AppRenderer.Render(input);

        render.Should().Throw<InvalidOperationException>()
            .WithMessage("*spec.processes.web.size*\"hobby\"*standard-1x*");
    }

    [Fact]
    public void Release_process_type_is_a_job_not_a_deployment()
    {
        var input = Samples.Cases["release-phase"];

        AppRenderer.Render(input).Deployments.Select(d => d.Metadata.Name).Should().Equal("shop-web");
        var job = ReleasePhaseJob.Render(input)!;
        job.Metadata.Name.Should().Be("shop-release-v9");
        job.Spec!.BackoffLimit.Should().Be(0);
        job.Spec.ActiveDeadlineSeconds.Should().Be(3600);
        job.Spec.Template.Spec.RestartPolicy.Should().Be("Never");
        job.Spec.Template.Spec.Containers.Single().Args.Should().Equal("bundle exec rake db:migrate");
        job.Spec.Template.Spec.Containers.Single().Resources!.Requests.Should().Contain("memory", "1Gi", "it is sized like web");
    }

    [Fact]
    public void No_release_phase_job_without_a_release_process_type()
    {
        ReleasePhaseJob.Render(Samples.Cases["web-only"]).Should().BeNull();
    }

    [Fact]
    public void Process_type_order_in_the_release_does_not_change_the_output()
    {
        var forward = Samples.Input(Samples.App("shop"), Samples.Release("shop", 1, ("web", "a"), ("worker", "b"), ("clock", "c")), null);
        var backward = Samples.Input(Samples.App("shop"), Samples.Release("shop", 1, ("clock", "c"), ("worker", "b"), ("web", "a")), null);

        ManifestYaml.Write(AppRenderer.Render(backward).All).Should().Be(ManifestYaml.Write(AppRenderer.Render(forward).All));
    }

    [Fact]
    public void An_owner_given_in_the_input_is_set_on_every_object()
    {
        var owner = new OwnerReference { ApiVersion = "paas.dev/v1alpha1", Kind = "App", Name = "shop", Uid = "u-1", Controller = true };
        var input = Samples.Cases["autoscaled-web"] with { Owner = owner };

        AppRenderer.Render(input).All.Should().AllSatisfy(o => o.Metadata.OwnerReferences.Should().Equal(owner));
    }
}
