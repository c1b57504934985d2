using Paas.Platform.Api;
using Paas.Platform.Releases;
using static Platform.Tests.Releases.ReleaseFixtures;

namespace Platform.Tests.Releases;

public class ReleasePlannerRollbackTests
{
    private static readonly ConfigSnapshot Old = Config(("FOO", "old"));
    private static readonly ConfigSnapshot New = Config(("FOO", "new"));

    [Fact]
    public void A_rollback_stands_while_the_apps_config_is_unchanged()
    {
        var rollback = ReleasePlanner.ForRollback(App(), [Release(1, Old), Release(2, New, ImageTwo)], 1).Plan!.Release;

        var decision = ReleasePlanner.ForAppChange(App(), [Release(1, Old), Release(2, New, ImageTwo), rollback], New, Old.Values);

        decision.Kind.Should().Be(ReleaseDecisionKind.UpToDate);
    }

    [Fact]
    public void A_config_change_after_a_rollback_releases_on_the_rolled_back_image()
    {
        var rollback = ReleasePlanner.ForRollback(App(), [Release(1, Old), Release(2, New, ImageTwo)], 1).Plan!.Release
            with { Status = new ReleaseStatus { Phase = ReleasePhases.Succeeded } };
        var changed = Config(("FOO", "new"), ("BAR", "1"));

        var plan = ReleasePlanner.ForAppChange(App(), [Release(1, Old), Release(2, New, ImageTwo), rollback], changed, Old.Values).Plan!;

        plan.Release.Spec.Version.Should().Be(4);
        plan.Release.Spec.Image.Should().Be(ImageOne);
        plan.Release.Spec.Description.Should().Be("Set BAR, FOO config vars");
    }

    [Fact]
    public void Without_a_procfile_new_process_types_of_a_pending_deploy_are_not_reverted()
    {
        var deploy = Release(2, Old, ImageTwo, ReleasePhases.Pending, new Dictionary<string, string> { ["web"] = "bin/web", ["release"] = "bin/migrate" });

        var decision = ReleasePlanner.ForAppChange(App(), [Release(1, Old), deploy], Old, Old.Values);

        decision.Kind.Should().Be(ReleaseDecisionKind.UpToDate);
    }
}
