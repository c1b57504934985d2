namespace Paas.Platform.Tests.Corpus;

public sealed class CorpusSizeTests
{
    [Fact]
    public void Corpus_holds_at_least_150_bad_and_50_good_inputs()
    {
        var bad = new[] { "procfiles-bad.yaml", "apps-bad.yaml", "builds-bad.yaml", "releases-bad.yaml", "formations-bad.yaml" }
            .Sum(f => CorpusCase.Load(f).Count);
        var good = new[] { "procfiles-good.yaml", "good-manifests.yaml" }.Sum(f => CorpusCase.Load(f).Count);

        bad.Should().BeGreaterThanOrEqualTo(150);
        good.Should().BeGreaterThanOrEqualTo(50);
    }

    [Fact]
    public void Good_procfiles_include_real_ones_from_heroku_samples()
    {
        var real = CorpusCase.Load("procfiles-good.yaml").Where(c => c.Fields["source"] is not null).ToList();

        real.Should().HaveCountGreaterThanOrEqualTo(15);
        real.Select(c => (string)c.Fields["source"]!).Should().Contain(s => s.StartsWith("heroku/node-js-getting-started", StringComparison.Ordinal))
            .And.Contain(s => s.StartsWith("heroku/python-getting-started", StringComparison.Ordinal))
            .And.Contain(s => s.StartsWith("heroku/ruby-getting-started", StringComparison.Ordinal))
            .And.Contain(s => s.StartsWith("heroku/java-getting-started", StringComparison.Ordinal))
            .And.Contain(s => s.StartsWith("heroku/go-getting-started", StringComparison.Ordinal))
            .And.Contain(s => s.StartsWith("heroku/php-getting-started", StringComparison.Ordinal));
    }
}
