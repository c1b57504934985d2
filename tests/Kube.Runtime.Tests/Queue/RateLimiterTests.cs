using Kube.Runtime.Queue;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Queue;

public sealed class RateLimiterTests
{
    [Fact]
    public void Per_item_backoff_doubles_from_5_ms_and_stops_at_1000_s()
    {
        var limiter = new ItemExponentialRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));

        var delays = Enumerable.Range(0, 20).Select(_ => limiter.When("a")).ToList();

        delays.Take(5).Select(delay => delay.TotalMilliseconds).Should().Equal(5, 10, 20, 40, 80);
        delays[17].Should().Be(TimeSpan.FromMilliseconds(5 * 131072));
        delays[18].Should().Be(TimeSpan.FromSeconds(1000));
        delays[19].Should().Be(TimeSpan.FromSeconds(1000));
        limiter.When("b").Should().Be(TimeSpan.FromMilliseconds(5), "backoff is per item");
    }

    [Fact]
    public void Per_item_backoff_survives_a_thousand_failures_without_overflow()
    {
        var limiter = new ItemExponentialRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));

        var last = Enumerable.Range(0, 1000).Select(_ => limiter.When("a")).ToList()[^1];

        last.Should().Be(TimeSpan.FromSeconds(1000));
    }

    [Fact]
    public void Token_bucket_allows_a_burst_of_100_then_spaces_retries_at_10_per_second()
    {
        var clock = new ManualTimeProvider();
        var limiter = new TokenBucketRateLimiter<int>(qps: 10, burst: 100, clock);

        var burst = Enumerable.Range(0, 100).Select(limiter.When).ToList();
        var after = Enumerable.Range(100, 3).Select(limiter.When).ToList();

        burst.Should().OnlyContain(delay => delay == TimeSpan.Zero);
        after.Select(delay => Math.Round(delay.TotalMilliseconds)).Should().Equal(100, 200, 300);
    }

    [Fact]
    public void Token_bucket_refills_with_time()
    {
        var clock = new ManualTimeProvider();
        var limiter = new TokenBucketRateLimiter<int>(qps: 10, burst: 100, clock);
        foreach (var i in Enumerable.Range(0, 100))
        {
            limiter.When(i);
        }

        clock.Advance(TimeSpan.FromSeconds(1));

        Enumerable.Range(0, 10).Select(limiter.When).Should().OnlyContain(delay => delay == TimeSpan.Zero);
        limiter.When(11).Should().BeGreaterThan(TimeSpan.Zero);
    }

    [Fact]
    public void Controller_default_takes_the_longer_of_item_backoff_and_bucket_delay()
    {
        var clock = new ManualTimeProvider();
        var limiter = RateLimiters.ControllerDefault<int>(clock);

        foreach (var i in Enumerable.Range(0, 100))
        {
            limiter.When(i).Should().Be(TimeSpan.FromMilliseconds(5), "the bucket has tokens, so the item backoff decides");
        }

        limiter.When(1000).Should().Be(TimeSpan.FromMilliseconds(100), "the bucket is empty and asks for more than 5 ms");
        limiter.NumRequeues(1).Should().Be(1);
        limiter.Forget(1);
        limiter.NumRequeues(1).Should().Be(0);
    }
}
