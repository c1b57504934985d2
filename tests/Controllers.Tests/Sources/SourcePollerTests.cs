using System.Net;
using Paas.Controllers.Sources;
using Paas.Platform.Api;
using Paas.Platform.Sources;

namespace Paas.Controllers.Tests.Sources;

public sealed class SourcePollerTests : IDisposable
{
    private const string Repo = "https://git.example/team/shop.git";
    private const string Commit = "d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4";
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);
    private readonly FakeGitHost git = new();
    private readonly HttpClient http;

    public SourcePollerTests() => http = new HttpClient(git, disposeHandler: false);

    public void Dispose()
    {
        http.Dispose();
        git.Dispose();
    }

    [Fact]
    public async Task Resolved_ref_is_polled_again_after_the_interval_plus_its_jitter()
    {
        git.Serve(Repo, "main", Commit);

        var poll = await Poller(jitter: 0.5).PollAsync(new GitSource { Url = Repo, Ref = "main" }, null, Now, CancellationToken.None);

        poll.Resolution.Commit.Should().Be(Commit);
        poll.Failures.Should().Be(0);
        poll.NextPollAt.Should().Be(Now + TimeSpan.FromSeconds(63), "half of the tenth of the interval is added");
    }

    [Fact]
    public async Task Failures_in_a_row_double_the_wait_up_to_sixteen_intervals()
    {
        git.Fail(Repo, HttpStatusCode.ServiceUnavailable);
        var source = new GitSource { Url = Repo, Ref = "main" };
        var poller = Poller(jitter: 0);
        SourcePoll? poll = null;
        var waits = new List<double>();

        for (var i = 0; i < 6; i++)
        {
            poll = await poller.PollAsync(source, poll, Now, CancellationToken.None);
            waits.Add((poll.NextPollAt - Now).TotalSeconds);
        }

        waits.Should().Equal(60, 120, 240, 480, 960, 960);
        poll!.Resolution.Reason.Should().Be(SourceReasons.Unreachable);
        poll.Resolution.Message.Should().Contain("answered HTTP 503");
    }

    [Fact]
    public async Task A_changed_source_starts_its_failure_count_afresh()
    {
        git.Fail(Repo, HttpStatusCode.NotFound);
        var poller = Poller(jitter: 0);
        var failing = await poller.PollAsync(new GitSource { Url = Repo, Ref = "main" }, null, Now, CancellationToken.None);
        failing = await poller.PollAsync(new GitSource { Url = Repo, Ref = "main" }, failing, Now, CancellationToken.None);

        var changed = await poller.PollAsync(new GitSource { Url = Repo, Ref = "dev" }, failing, Now, CancellationToken.None);

        failing.Failures.Should().Be(2);
        changed.Failures.Should().Be(1);
        changed.NextPollAt.Should().Be(Now + Interval);
    }

    [Theory]
    [InlineData("git@git.example:team/shop.git", "main", SourceReasons.NotPollable)]
    [InlineData(Repo, Commit, null)]
    public async Task Sha_refs_and_unpollable_urls_are_not_asked_again_and_cost_no_request(string url, string gitRef, string? reason)
    {
        var poll = await Poller(jitter: 0).PollAsync(new GitSource { Url = url, Ref = gitRef }, null, Now, CancellationToken.None);

        poll.NextPollAt.Should().Be(DateTimeOffset.MaxValue);
        poll.Resolution.Reason.Should().Be(reason);
        git.TotalRequests.Should().Be(0);
    }

    private SourcePoller Poller(double jitter) => new(new GitRefClient(http), Interval, () => jitter);
}
