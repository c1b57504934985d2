using Paas.Platform.Api;
using Paas.Platform.Releases;
using static Platform.Tests.Releases.ReleaseFixtures;

namespace Platform.Tests.Releases;

public class ReleasePlannerTests
{
    private static readonly ConfigSnapshot Before = Config(("KEEP", "x"));

    [Fact]
    public void Config_change_creates_next_release_with_description()
    {
        var after = Config(("KEEP", "x"), ("FOO", "1"));

        var decision = ReleasePlanner.ForAppChange(App(), [Release(1, Before), Release(2, Before)], after, Before.Values);

        decision.Kind.Should().Be(ReleaseDecisionKind.Create);
        var release = decision.Plan!.Release;
        release.Metadata.Name.Should().Be("shop-v3");
        release.Metadata.Namespace.Should().Be("team");
        release.Metadata.Labels.Should().Contain(PaasLabels.App, "shop");
        release.Metadata.OwnerReferences.Should().ContainSingle(o => o.Kind == "App" && o.Uid == "app-uid" && o.Controller == true);
        release.Spec.Version.Should().Be(3);
        release.Spec.Description.Should().Be("Set FOO config vars");
        release.Spec.Config.Should().Be(new ReleaseConfig { SecretName = after.SecretNameFor("shop"), Hash = after.Hash });
        decision.Plan.NewSnapshot.Should().Be(after);
        decision.Plan.BaseVersion.Should().Be(2);
    }

    [Fact]
    public void Unchanged_config_needs_no_release()
    {
        var decision = ReleasePlanner.ForAppChange(App(), [Release(1, Before)], Config(("KEEP", "x")), Before.Values);

        decision.Kind.Should().Be(ReleaseDecisionKind.UpToDate);
        decision.Plan.Should().BeNull();
    }

    [Fact]
    public void Image_and_process_types_come_from_the_newest_succeeded_release()
    {
        var types = new Dictionary<string, string> { ["web"] = "bin/web", ["worker"] = "bin/work" };
        var releases = new[]
        {
            Release(2, Before, ImageTwo, ReleasePhases.Failed, types),
            Release(1, Before, ImageOne, processTypes: types),
        };

        var plan = ReleasePlanner.ForAppChange(App(), releases, Config(("NEW", "1")), Before.Values).Plan!;

        plan.Release.Spec.Version.Should().Be(3);
        plan.Release.Spec.Image.Should().Be(ImageOne);
        plan.Release.Spec.ProcessTypes.Should().BeEquivalentTo(types);
        plan.Release.Spec.Description.Should().Be("Set NEW, remove KEEP config vars");
    }

    [Fact]
    public void A_failed_newest_release_with_the_same_config_is_not_released_again()
    {
        var releases = new[] { Release(1, Before), Release(2, Config(("FOO", "1")), phase: ReleasePhases.Failed) };

        ReleasePlanner.ForAppChange(App(), releases, Config(("FOO", "1")), null).Kind.Should().Be(ReleaseDecisionKind.UpToDate);
    }

    [Fact]
    public void Procfile_change_releases_new_process_types()
    {
        var decision = ReleasePlanner.ForAppChange(App(procfile: "web: bin/new\nclock: bin/clock\n"), [Release(1, Before)], Before, Before.Values);

        decision.Plan!.Release.Spec.ProcessTypes.Should().BeEquivalentTo(new Dictionary<string, string> { ["web"] = "bin/new", ["clock"] = "bin/clock" });
        decision.Plan.Release.Spec.Description.Should().Be("Update process types");
    }

    [Fact]
    public void Invalid_procfile_is_rejected_with_the_field()
    {
        var decision = ReleasePlanner.ForAppChange(App(procfile: "web bin/web"), [Release(1, Before)], Before, Before.Values);

        decision.Kind.Should().Be(ReleaseDecisionKind.Rejected);
        decision.Message.Should().Contain("spec.procfile");
    }

    [Fact]
    public void No_release_before_the_first_image()
    {
        ReleasePlanner.ForAppChange(App(), [], Config(("FOO", "1")), null).Kind.Should().Be(ReleaseDecisionKind.NotYet);
    }

    [Fact]
    public void Releases_of_other_apps_do_not_count()
    {
        var decision = ReleasePlanner.ForAppChange(App(), [Release(1, Before), Release(9, Before, app: "other")], Config(("FOO", "1")), Before.Values);

        decision.Plan!.Release.Spec.Version.Should().Be(2);
    }

    [Fact]
    public void Same_change_has_the_same_intent_and_different_change_another()
    {
        var releases = new[] { Release(1, Before) };
        var first = ReleasePlanner.ForAppChange(App(), releases, Config(("FOO", "1")), Before.Values).Plan!;
        var again = ReleasePlanner.ForAppChange(App(), releases, Config(("FOO", "1")), Before.Values).Plan!;
        var other = ReleasePlanner.ForAppChange(App(), releases, Config(("FOO", "2")), Before.Values).Plan!;

        again.Intent.Should().Be(first.Intent);
        other.Intent.Should().NotBe(first.Intent);
        first.Release.Metadata.Annotations.Should().Contain(PaasAnnotations.ReleaseIntent, first.Intent);
    }

    [Fact]
    public void Rollback_copies_image_process_types_and_config_of_the_named_version()
    {
        var old = Config(("OLD", "1"));
        var types = new Dictionary<string, string> { ["web"] = "bin/old" };
        var releases = new[] { Release(1, old, ImageOne, processTypes: types), Release(2, Before, ImageTwo) };

        var plan = ReleasePlanner.ForRollback(App(), releases, 1).Plan!;

        plan.Release.Metadata.Name.Should().Be("shop-v3");
        plan.Release.Spec.Image.Should().Be(ImageOne);
        plan.Release.Spec.ProcessTypes.Should().BeEquivalentTo(types);
        plan.Release.Spec.Config!.Hash.Should().Be(old.Hash);
        plan.Release.Spec.RollbackOf.Should().Be(1);
        plan.Release.Spec.Description.Should().Be("Rollback to v1");
        plan.NewSnapshot.Should().BeNull();
    }

    [Fact]
    public void Rollback_to_an_unknown_version_names_the_versions_there_are()
    {
        var decision = ReleasePlanner.ForRollback(App(), [Release(1, Before), Release(2, Before)], 7);

        decision.Kind.Should().Be(ReleaseDecisionKind.Rejected);
        decision.Message.Should().Contain("v7").And.Contain("v1, v2").And.Contain("shop");
    }

    [Fact]
    public void Succeeded_build_creates_a_deploy_release()
    {
        var build = new Build
        {
            Metadata = new() { Name = "shop-b1", Namespace = "team" },
            Spec = new BuildSpec { App = "shop", Source = new BuildSource { Image = ImageTwo } },
            Status = new BuildStatus { Phase = BuildPhases.Succeeded, Image = ImageTwo, Commit = "1a2b3c4d5e", ProcessTypes = new Dictionary<string, string> { ["web"] = "x" } },
        };

        var plan = ReleasePlanner.ForBuild(App(), [Release(1, Before)], build, Before).Plan!;

        plan.Release.Spec.Version.Should().Be(2);
        plan.Release.Spec.Image.Should().Be(ImageTwo);
        plan.Release.Spec.Build.Should().Be("shop-b1");
        plan.Release.Spec.Description.Should().Be("Deploy 1a2b3c4");
        ReleasePlanner.ForBuild(App(), [Release(1, Before), plan.Release], build, Before).Kind.Should().Be(ReleaseDecisionKind.UpToDate);
    }

    [Fact]
    public void Renumbering_a_plan_changes_name_and_version_together()
    {
        var plan = ReleasePlanner.ForAppChange(App(), [Release(1, Before)], Config(("FOO", "1")), Before.Values).Plan!;

        var renumbered = plan.WithVersion(5);

        renumbered.Release.Metadata.Name.Should().Be("shop-v5");
        renumbered.Release.Spec.Version.Should().Be(5);
        renumbered.Intent.Should().Be(plan.Intent);
    }

    [Fact]
    public void A_release_without_config_counts_as_empty_config()
    {
        var bare = Release(1, Before) with { Spec = Release(1, Before).Spec with { Config = null } };

        ReleasePlanner.ForAppChange(App(), [bare], ConfigSnapshot.Empty, new Dictionary<string, string>()).Kind.Should().Be(ReleaseDecisionKind.UpToDate);
        ReleasePlanner.ForAppChange(App(), [bare], Config(("FOO", "1")), new Dictionary<string, string>()).Plan!.Release.Spec.Description.Should().Be("Set FOO config vars");
    }
}
