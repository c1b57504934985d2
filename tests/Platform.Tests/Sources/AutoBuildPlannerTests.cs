using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Sources;

namespace Paas.Platform.Tests.Sources;

public class AutoBuildPlannerTests
{
    private const string A = "aaaaaaa111111111111111111111111111111111";
    private const string B = "bbbbbbb222222222222222222222222222222222";
    private static readonly GitSource Source = new() { Url = "https://git.example/team/shop.git", Ref = "main" };
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Name_is_the_app_and_the_short_commit_and_fits_63_characters()
    {
        AutoBuilds.Name("shop", A).Should().Be("shop-aaaaaaa");
        AutoBuilds.Name("shop", A, attempt: 3).Should().Be("shop-aaaaaaa-3");
        var longApp = new string('x', 60);
        AutoBuilds.Name(longApp, A).Should().HaveLength(63).And.EndWith("-aaaaaaa");
        AutoBuilds.Name(longApp, A, attempt: 2).Should().HaveLength(63).And.EndWith("-aaaaaaa-2");
    }

    [Fact]
    public void Rendered_build_builds_the_commit_and_is_labelled_annotated_and_owned_by_the_app()
    {
        var build = AutoBuilds.Render(App(null, path: "services/api"), Source with { Path = "services/api" }, A, "refs/heads/main");

        build.Metadata.Name.Should().Be("shop-aaaaaaa");
        build.Metadata.Namespace.Should().Be("team");
        build.Metadata.Labels.Should().Equal(new Dictionary<string, string> { [PaasLabels.App] = "shop" });
        build.Metadata.Annotations.Should().Equal(new Dictionary<string, string> { [AutoBuilds.FollowedRefAnnotation] = "refs/heads/main" });
        build.Metadata.OwnerReferences.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new OwnerReference { ApiVersion = "paas.dev/v1alpha1", Kind = "App", Name = "shop", Uid = "uid-1", BlockOwnerDeletion = true });
        build.Spec.App.Should().Be("shop");
        build.Spec.Source.Git.Should().Be(new GitSource { Url = Source.Url, Ref = A, Path = "services/api" });
        AutoBuilds.IsAutomatic(build).Should().BeTrue();
    }

    [Fact]
    public void First_commit_of_an_app_creates_a_build()
    {
        var decision = AutoBuildPlanner.Decide(App(null), A, []);

        decision.Should().Be(new AutoBuildDecision(AutoBuildDecisionKind.Create, "shop-aaaaaaa", 1));
    }

    [Fact]
    public void Recorded_commit_whose_build_built_this_source_is_up_to_date()
    {
        AutoBuildPlanner.Decide(App(A), A, [Auto(A, T0)]).Kind.Should().Be(AutoBuildDecisionKind.UpToDate);
    }

    [Fact]
    public void Deleted_build_of_the_recorded_commit_is_not_built_again()
    {
        AutoBuildPlanner.Decide(App(A), A, []).Kind.Should().Be(AutoBuildDecisionKind.UpToDate);
    }

    [Fact]
    public void Build_created_before_its_commit_was_recorded_is_recorded_not_created_again()
    {
        var decision = AutoBuildPlanner.Decide(App(A), B, [Auto(A, T0), Auto(B, T0.AddMinutes(1))]);

        decision.Kind.Should().Be(AutoBuildDecisionKind.Record);
        decision.BuildName.Should().Be("shop-bbbbbbb");
    }

    [Fact]
    public void New_commit_creates_the_next_build()
    {
        AutoBuildPlanner.Decide(App(A), B, [Auto(A, T0)]).Should().Be(new AutoBuildDecision(AutoBuildDecisionKind.Create, "shop-bbbbbbb", 1));
    }

    [Fact]
    public void Ref_moved_back_to_an_older_commit_builds_it_again_under_a_new_name()
    {
        var decision = AutoBuildPlanner.Decide(App(B), A, [Auto(A, T0), Auto(B, T0.AddMinutes(1))]);

        decision.Should().Be(new AutoBuildDecision(AutoBuildDecisionKind.Create, "shop-aaaaaaa-2", 2));
    }

    [Fact]
    public void Changed_path_at_the_same_commit_builds_again()
    {
        var decision = AutoBuildPlanner.Decide(App(A, path: "services/web"), A, [Auto(A, T0)]);

        decision.Should().Be(new AutoBuildDecision(AutoBuildDecisionKind.Create, "shop-aaaaaaa-2", 2));
    }

    [Fact]
    public void Name_taken_by_a_build_the_user_created_moves_to_the_next_attempt()
    {
        var manual = Auto(A, T0) with { Metadata = new ObjectMeta { Name = "shop-aaaaaaa", Namespace = "team" } };

        AutoBuildPlanner.Decide(App(null), A, [manual]).BuildName.Should().Be("shop-aaaaaaa-2");
    }

    private static App App(string? sourceCommit, string? path = null) => new()
    {
        Metadata = new ObjectMeta { Name = "shop", Namespace = "team", Uid = "uid-1" },
        Spec = new AppSpec { Source = new AppSource { Git = Source with { Path = path } } },
        Status = sourceCommit is null ? null : new AppStatus { SourceCommit = sourceCommit },
    };

    private static Build Auto(string commit, DateTimeOffset created) => AutoBuilds.Render(App(null), Source, commit, "refs/heads/main") is var build
        ? build with { Metadata = build.Metadata with { CreationTimestamp = created } }
        : throw new InvalidOperationException();
}
