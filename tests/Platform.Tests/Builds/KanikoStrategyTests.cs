using Paas.Platform.Api;
using Paas.Platform.Builds;

namespace Paas.Platform.Tests.Builds;

public sealed class KanikoStrategyTests
{
    private static readonly KanikoStrategy Strategy = new(PlatformSettings.Default);

    private static BuildJobInput Git => BuildSamples.Cases["git-detect"];

    [Fact]
    public void Steps_run_in_order_source_plan_then_the_builder()
    {
        var pod = Strategy.Render(Git).Spec!.Template.Spec;

        pod.InitContainers!.Select(c => c.Name).Should().Equal(BuildSteps.Source, BuildSteps.Plan);
        pod.Containers.Select(c => c.Name).Should().Equal(BuildSteps.Build);
        pod.InitContainers!.Concat(pod.Containers).Should().OnlyContain(c => c.TerminationMessagePolicy == "FallbackToLogsOnError");
    }

    [Fact]
    public void Job_runs_once_within_the_timeout_and_keeps_its_log()
    {
        var job = Strategy.Render(Git);

        job.Spec!.BackoffLimit.Should().Be(0);
        job.Spec.ActiveDeadlineSeconds.Should().Be(15 * 60);
        job.Spec.TtlSecondsAfterFinished.Should().BeNull("a finished build's pod and log stay until the Build is deleted");
        job.Spec.Template.Spec.RestartPolicy.Should().Be("Never");
        job.Metadata.OwnerReferences.Should().ContainSingle(o => o.Kind == "Build" && o.Name == "shop-7f3a" && o.Controller == true);
    }

    [Fact]
    public void Timeout_and_images_come_from_the_settings()
    {
        var settings = PlatformSettings.Default with
        {
            Builds = new BuildSettings { TimeoutSeconds = 120, ExecutorImage = "mirror.example/kaniko:1", HelperImage = "mirror.example/helper:1", Registry = "r.example/apps/" },
        };
        var job = new KanikoStrategy(settings).Render(Git);
        var pod = job.Spec!.Template.Spec;

        job.Spec.ActiveDeadlineSeconds.Should().Be(120);
        pod.Containers[0].Image.Should().Be("mirror.example/kaniko:1");
        pod.InitContainers!.Should().OnlyContain(c => c.Image == "mirror.example/helper:1");
        pod.Containers[0].Args.Should().Contain("--destination=r.example/apps/team/shop:shop-7f3a").And.Contain("--cache-repo=r.example/apps/team/shop/cache");
    }

    [Fact]
    public void Registry_credentials_are_mounted_into_the_builder_only()
    {
        var pod = Strategy.Render(Git).Spec!.Template.Spec;

        pod.Volumes!.Should().ContainSingle(v => v.Secret != null && v.Secret.SecretName == "paas-registry");
        pod.Containers[0].VolumeMounts!.Should().Contain(m => m.Name == KanikoStrategy.RegistryVolume && m.MountPath == "/kaniko/.docker");
        pod.InitContainers!.SelectMany(c => c.VolumeMounts ?? []).Should().NotContain(m => m.Name == KanikoStrategy.RegistryVolume);
    }

    [Fact]
    public void Config_vars_reach_the_plan_step_only()
    {
        var pod = Strategy.Render(Git).Spec!.Template.Spec;

        pod.Volumes!.Should().Contain(v => v.Name == BuildJob.ConfigVolume && v.Secret!.SecretName == "shop-config-0123456789");
        pod.InitContainers![1].VolumeMounts!.Should().Contain(m => m.Name == BuildJob.ConfigVolume && m.ReadOnly == true);
        pod.InitContainers[0].VolumeMounts!.Should().NotContain(m => m.Name == BuildJob.ConfigVolume);
        pod.Containers[0].VolumeMounts!.Should().NotContain(m => m.Name == BuildJob.ConfigVolume);
    }

    [Fact]
    public void Helper_steps_are_restricted_and_only_the_builder_runs_as_root()
    {
        var pod = Strategy.Render(Git).Spec!.Template.Spec;

        pod.SecurityContext!.SeccompProfile!.Type.Should().Be("RuntimeDefault");
        pod.AutomountServiceAccountToken.Should().BeFalse();
        foreach (var helper in pod.InitContainers!)
        {
            helper.SecurityContext!.RunAsNonRoot.Should().BeTrue();
            helper.SecurityContext.AllowPrivilegeEscalation.Should().BeFalse();
            helper.SecurityContext.Capabilities!.Drop.Should().Equal("ALL");
            helper.SecurityContext.Capabilities.Add.Should().BeNull();
        }

        var builder = pod.Containers[0].SecurityContext!;
        builder.RunAsUser.Should().Be(0);
        builder.AllowPrivilegeEscalation.Should().BeFalse();
        builder.Capabilities!.Drop.Should().Equal("ALL");
        builder.Capabilities.Add.Should().NotContain(["SYS_ADMIN", "NET_ADMIN", "NET_RAW"]);
    }

    [Fact]
    public void User_input_reaches_the_scripts_through_environment_variables_only()
    {
        var hostile = BuildSamples.Build("evil", new BuildSource { Git = new GitSource { Url = "https://x.example/r.git; rm -rf /", Ref = "$(reboot)" } });
        var source = Strategy.Render(Git with { Build = hostile }).Spec!.Template.Spec.InitContainers![0];

        source.Command![2].Should().Be(BuildScripts.GitSource);
        source.Env.Should().Contain(e => e.Name == "GIT_URL" && e.Value == "https://x.example/r.git; rm -rf /")
            .And.Contain(e => e.Name == "GIT_REF" && e.Value == "$(reboot)");
    }

    [Fact]
    public void Dockerfile_builds_on_the_build_image_and_runs_the_slug_on_the_run_image()
    {
        var plan = Strategy.Render(Git).Spec!.Template.Spec.InitContainers![1];
        var dockerfile = plan.Env!.Single(e => e.Name == "PAAS_DOCKERFILE").Value!;

        dockerfile.Should().StartWith("FROM heroku/heroku:24-build AS build\n");
        dockerfile.Should().Contain("/paas/buildpacks/bin/build /workspace/source /app");
        dockerfile.Should().Contain("PAAS_ENV_DIR=/paas/env").And.Contain("PAAS_CACHE_DIR=/paas/cache");
        dockerfile.Should().Contain("\nFROM heroku/heroku:24\nCOPY --from=build --chown=1000:1000 /app /app\n");
    }

    [Fact]
    public void Explicit_buildpacks_are_passed_to_plan_and_builder_in_order()
    {
        var pod = Strategy.Render(BuildSamples.Cases["archive-buildpacks"]).Spec!.Template.Spec;

        const string List = "heroku/nodejs,https://github.com/heroku/heroku-buildpack-static";
        pod.InitContainers![1].Env.Should().Contain(e => e.Name == "PAAS_BUILDPACKS" && e.Value == List);
        pod.Containers[0].Args.Should().Contain("--build-arg=PAAS_BUILDPACKS=" + List);
    }

    [Fact]
    public void Digest_in_the_termination_message_becomes_the_image_by_digest()
    {
        var digest = "sha256:" + new string('b', 64);

        Strategy.ImageFrom(Git.Build, digest + "\n").Should().Be("registry.example/paas/team/shop@" + digest);
        Strategy.ImageFrom(Git.Build, "error building image").Should().BeNull();
        Strategy.ImageFrom(Git.Build, null).Should().BeNull();
    }

    [Theory]
    [InlineData("error pushing image: failed to push to destination registry.example/paas/team/shop:b1: UNAUTHORIZED", BuildFailureReasons.PushFailed)]
    [InlineData("error checking push permissions -- make sure you entered the correct tag name", BuildFailureReasons.PushFailed)]
    [InlineData("error building image: error building stage: failed to execute command: waiting for process to exit: exit status 1", BuildFailureReasons.CompileFailed)]
    [InlineData(null, BuildFailureReasons.CompileFailed)]
    public void Builder_failures_are_told_apart_by_kanikos_message(string? message, string reason) =>
        Strategy.ReasonForBuilderFailure(message).Should().Be(reason);
}
