using Paas.Platform.Sources;
using static Paas.Platform.Tests.Sources.PktLines;

namespace Paas.Platform.Tests.Sources;

public class RefAdvertisementParserTests
{
    private const string Main = "1111111111111111111111111111111111111111";
    private const string Dev = "2222222222222222222222222222222222222222";
    private const string TagObject = "3333333333333333333333333333333333333333";
    private const string Zero = "0000000000000000000000000000000000000000";

    [Fact]
    public void Real_advertisement_from_git_upload_pack_has_every_ref_the_symref_and_peeled_tags()
    {
        using var repository = TempGitRepository.Init("trunk");
        var first = repository.Commit("first");
        repository.Git("-c", "user.name=Test", "-c", "user.email=test@example.com", "tag", "-a", "v1.0", "-m", "release 1.0");
        repository.Git("tag", "light");
        repository.Git("checkout", "-q", "-b", "feature");
        var second = repository.Commit("second");
        repository.Git("checkout", "-q", "trunk");

        var parse = RefAdvertisementParser.Parse(repository.AdvertiseRefs());

        parse.Error.Should().BeNull();
        var refs = parse.Advertisement!;
        refs.Refs[GitRefs.Head].Should().Be(first);
        refs.Refs["refs/heads/trunk"].Should().Be(first);
        refs.Refs["refs/heads/feature"].Should().Be(second);
        refs.Refs["refs/tags/light"].Should().Be(first);
        refs.Refs["refs/tags/v1.0"].Should().Be(repository.Git("rev-parse", "v1.0").Trim(), "an annotated tag's ref names the tag object");
        refs.Refs["refs/tags/v1.0"].Should().NotBe(first);
        refs.Peeled["refs/tags/v1.0"].Should().Be(first, "its ^{} line names the commit");
        refs.CommitOf("refs/tags/v1.0").Should().Be(first);
        refs.Symrefs[GitRefs.Head].Should().Be("refs/heads/trunk");
        refs.Capabilities.Should().Contain("side-band-64k");
        refs.Branches().Should().Equal("feature", "trunk");
    }

    [Fact]
    public void Real_advertisement_of_an_empty_repository_has_no_refs()
    {
        using var repository = TempGitRepository.Init("main");

        var parse = RefAdvertisementParser.Parse(repository.AdvertiseRefs());

        parse.Error.Should().BeNull();
        parse.Advertisement!.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Smart_http_body_starts_with_the_service_announcement_and_a_flush()
    {
        var body = Body(
            Line("# service=git-upload-pack\n"), Flush,
            Line($"{Main} HEAD\0multi_ack symref=HEAD:refs/heads/main agent=git/2.45\n"),
            Line($"{Main} refs/heads/main\n"),
            Line($"{Dev} refs/heads/dev\n"),
            Line($"{TagObject} refs/tags/v2\n"),
            Line($"{Dev} refs/tags/v2^{{}}\n"),
            Flush);

        var parse = RefAdvertisementParser.Parse(body);

        parse.Error.Should().BeNull();
        parse.Advertisement!.Refs.Keys.Should().BeEquivalentTo(["HEAD", "refs/heads/main", "refs/heads/dev", "refs/tags/v2"]);
        parse.Advertisement.CommitOf("refs/tags/v2").Should().Be(Dev);
        parse.Advertisement.Symrefs.Should().Equal(new Dictionary<string, string> { ["HEAD"] = "refs/heads/main" });
        parse.Advertisement.Capabilities.Should().Equal("multi_ack", "symref=HEAD:refs/heads/main", "agent=git/2.45");
    }

    [Fact]
    public void Version_1_announcement_is_skipped_and_uppercase_ids_are_lowered()
    {
        var body = Body(Line("# service=git-upload-pack\n"), Flush, Line("version 1\n"), Line($"{Main.Replace('1', 'A')} refs/heads/main\0agent=x\n"), Flush);

        var parse = RefAdvertisementParser.Parse(body);

        parse.Error.Should().BeNull();
        parse.Advertisement!.Refs["refs/heads/main"].Should().Be(Main.Replace('1', 'a'));
    }

    [Fact]
    public void Empty_repository_placeholder_line_is_not_a_ref()
    {
        var body = Body(Line("# service=git-upload-pack\n"), Flush, Line($"{Zero} capabilities^{{}}\0report-status delete-refs\n"), Flush);

        var parse = RefAdvertisementParser.Parse(body);

        parse.Error.Should().BeNull();
        parse.Advertisement!.IsEmpty.Should().BeTrue();
        parse.Advertisement.Capabilities.Should().Equal("report-status", "delete-refs");
    }

    [Fact]
    public void Sha256_repositories_are_read_too()
    {
        var id = new string('b', 64);

        var parse = RefAdvertisementParser.Parse(Body(Line($"{id} refs/heads/main\0object-format=sha256\n"), Flush));

        parse.Advertisement!.Refs["refs/heads/main"].Should().Be(id);
    }

    [Theory]
    [InlineData("version 2\n", "protocol \"version 2\"")]
    [InlineData("ERR access denied or repository not exported\n", "the server reported an error: access denied")]
    [InlineData("not-a-sha refs/heads/main\n", "ref line 1 is \"not-a-sha refs/heads/main\"")]
    public void Answers_that_are_not_a_v0_advertisement_are_reported(string line, string expected)
    {
        var parse = RefAdvertisementParser.Parse(Body(Line("# service=git-upload-pack\n"), Flush, Line(line), Flush));

        parse.Advertisement.Should().BeNull();
        parse.Error.Should().Contain(expected);
    }

    [Fact]
    public void Advertisement_without_its_final_flush_may_be_cut_short()
    {
        var parse = RefAdvertisementParser.Parse(Body(Line($"{Main} refs/heads/main\0agent=x\n")));

        parse.Error.Should().Contain("without its flush-pkt");
    }

    [Fact]
    public void Receive_pack_announcement_is_the_wrong_service()
    {
        var parse = RefAdvertisementParser.Parse(Body(Line("# service=git-receive-pack\n"), Flush, Flush));

        parse.Error.Should().Contain("\"git-receive-pack\" instead of git-upload-pack");
    }

    [Fact]
    public void Html_page_is_malformed_framing()
    {
        var parse = RefAdvertisementParser.Parse(System.Text.Encoding.UTF8.GetBytes("<!DOCTYPE html><html>"));

        parse.Error.Should().StartWith("the ref advertisement is malformed");
    }
}
