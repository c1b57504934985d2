using Paas.Platform.Sources;

namespace Paas.Platform.Tests.Sources;

public class SourceUrlsTests
{
    [Theory]
    [InlineData("https://github.com/heroku/node-js-getting-started.git", "https://github.com/heroku/node-js-getting-started.git/info/refs?service=git-upload-pack")]
    [InlineData("https://git.example/team/shop/", "https://git.example/team/shop/info/refs?service=git-upload-pack")]
    [InlineData("http://127.0.0.1:8080/shop.git", "http://127.0.0.1:8080/shop.git/info/refs?service=git-upload-pack")]
    public void Http_urls_are_polled_at_info_refs_for_upload_pack(string url, string expected)
    {
        var check = SourceUrls.ForPolling(url);

        check.Message.Should().BeNull();
        check.Target!.InfoRefs.ToString().Should().Be(expected);
        check.Target.Credentials.Should().BeNull();
    }

    [Fact]
    public void Credentials_in_the_url_become_basic_auth_and_leave_every_message()
    {
        var check = SourceUrls.ForPolling("https://deploy:s3cr%40t@git.example/team/shop.git");

        check.Target!.Credentials.Should().Be(new BasicCredentialsText("deploy", "s3cr@t"));
        check.Target.Credentials!.ToString().Should().NotContain("s3cr");
        check.Target.InfoRefs.ToString().Should().NotContain("s3cr").And.NotContain("deploy@");
        check.Target.DisplayUrl.Should().Be("https://git.example/team/shop.git");
    }

    [Fact]
    public void Ssh_url_is_refused_with_the_https_url_to_use_instead()
    {
        var check = SourceUrls.ForPolling("ssh://git@github.com/heroku/shop.git");

        check.Target.Should().BeNull();
        check.Message.Should().StartWith("spec.source.git.url: \"ssh://git@github.com/heroku/shop.git\" is an SSH URL")
            .And.Contain("cannot poll")
            .And.Contain("\"https://github.com/heroku/shop.git\"")
            .And.Contain("create Builds yourself");
    }

    [Fact]
    public void Scp_like_url_is_refused_with_the_https_url_to_use_instead()
    {
        var check = SourceUrls.ForPolling("git@github.com:heroku/shop.git");

        check.Message.Should().Contain("SSH URL (scp-like)").And.Contain("\"https://github.com/heroku/shop.git\"");
    }

    [Fact]
    public void Git_protocol_url_is_refused()
    {
        SourceUrls.ForPolling("git://git.example/shop.git").Message.Should().Contain("a git:// URL").And.Contain("https://git.example/shop.git");
    }

    [Fact]
    public void Redacted_hides_a_password_but_keeps_the_rest()
    {
        SourceUrls.Redacted("https://user:token@git.example/shop.git").Should().Be("https://git.example/shop.git");
        SourceUrls.Redacted("git@github.com:heroku/shop.git").Should().Be("git@github.com:heroku/shop.git");
    }
}
