using Paas.Platform.Sources;

namespace Paas.Platform.Tests.Sources;

public class GitRefResolverTests
{
    private const string Url = "https://git.example/team/shop.git";
    private const string Main = "1111111111111111111111111111111111111111";
    private const string Dev = "2222222222222222222222222222222222222222";
    private const string TagObject = "3333333333333333333333333333333333333333";
    private const string Release = "4444444444444444444444444444444444444444";

    private static readonly RefAdvertisement Refs = new(
        new Dictionary<string, string>
        {
            ["HEAD"] = Main,
            ["refs/heads/main"] = Main,
            ["refs/heads/dev"] = Dev,
            ["refs/heads/v1"] = Dev,
            ["refs/tags/v1"] = Main,
            ["refs/tags/v2"] = TagObject,
        },
        new Dictionary<string, string> { ["refs/tags/v2"] = Release },
        new Dictionary<string, string> { ["HEAD"] = "refs/heads/main" },
        []);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("HEAD")]
    public void Omitted_ref_follows_HEAD_to_the_default_branch(string? gitRef)
    {
        var resolution = GitRefResolver.Resolve(Refs, gitRef, Url);

        resolution.Commit.Should().Be(Main);
        resolution.RefName.Should().Be("refs/heads/main");
    }

    [Fact]
    public void Default_branch_is_found_through_the_symref_when_HEAD_itself_is_not_listed()
    {
        var withoutHead = Refs with { Refs = Refs.Refs.Where(pair => pair.Key != "HEAD").ToDictionary() };

        GitRefResolver.Resolve(withoutHead, null, Url).Commit.Should().Be(Main);
    }

    [Fact]
    public void Branch_wins_over_a_tag_of_the_same_name_as_git_clone_branch_does()
    {
        var resolution = GitRefResolver.Resolve(Refs, "v1", Url);

        resolution.Commit.Should().Be(Dev);
        resolution.RefName.Should().Be("refs/heads/v1");
    }

    [Fact]
    public void Annotated_tag_resolves_to_the_commit_not_the_tag_object()
    {
        var resolution = GitRefResolver.Resolve(Refs, "v2", Url);

        resolution.Commit.Should().Be(Release);
        resolution.RefName.Should().Be("refs/tags/v2");
    }

    [Fact]
    public void Full_ref_name_is_taken_as_written()
    {
        GitRefResolver.Resolve(Refs, "refs/tags/v1", Url).Commit.Should().Be(Main);
    }

    [Fact]
    public void Full_sha_is_used_as_is_without_asking_the_server()
    {
        var sha = "ABCDEF0123456789ABCDEF0123456789ABCDEF01";

        GitRefResolver.WithoutServer(sha)!.Commit.Should().Be(sha.ToLowerInvariant());
        GitRefResolver.WithoutServer("main").Should().BeNull();
        GitRefResolver.Resolve(Refs, sha, Url).Commit.Should().Be(sha.ToLowerInvariant());
    }

    [Fact]
    public void Unknown_ref_names_the_field_the_value_the_branches_and_the_fix()
    {
        var resolution = GitRefResolver.Resolve(Refs, "mian", Url);

        resolution.Resolved.Should().BeFalse();
        resolution.Reason.Should().Be(SourceReasons.RefNotFound);
        resolution.Message.Should().StartWith("spec.source.git.ref: \"mian\" is neither a branch nor a tag of \"https://git.example/team/shop.git\"")
            .And.Contain("its branches are dev, main, v1")
            .And.Contain("set ref to an existing branch, tag or full commit SHA");
    }

    [Fact]
    public void Abbreviated_sha_asks_for_the_full_one()
    {
        var resolution = GitRefResolver.Resolve(Refs, "1a2b3c4", Url);

        resolution.Reason.Should().Be(SourceReasons.RefNotFound);
        resolution.Message.Should().Contain("abbreviated commit SHA").And.Contain("full 40-character SHA");
    }

    [Fact]
    public void Empty_repository_asks_for_a_first_push()
    {
        var empty = new RefAdvertisement(new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>(), []);

        var resolution = GitRefResolver.Resolve(empty, "main", Url);

        resolution.Reason.Should().Be(SourceReasons.EmptyRepository);
        resolution.Message.Should().Contain("has no commits yet").And.Contain("push one to \"main\"");
    }

    [Fact]
    public void Real_repository_refs_resolve_like_git_rev_parse()
    {
        using var repository = TempGitRepository.Init("main");
        repository.Commit("one");
        repository.Git("-c", "user.name=Test", "-c", "user.email=test@example.com", "tag", "-a", "v1", "-m", "v1");
        var head = repository.Commit("two");
        var refs = RefAdvertisementParser.Parse(repository.AdvertiseRefs()).Advertisement!;

        GitRefResolver.Resolve(refs, null, Url).Commit.Should().Be(head);
        GitRefResolver.Resolve(refs, "main", Url).Commit.Should().Be(head);
        GitRefResolver.Resolve(refs, "v1", Url).Commit.Should().Be(repository.Git("rev-parse", "v1^{commit}").Trim());
    }
}
