using Kube.Testing.Selectors;

namespace Kube.Testing.Tests.Units;

public sealed class LabelSelectorParserTests
{
    [Theory]
    [InlineData("app.kubernetes.io/name=shop", true)]
    [InlineData("env in (prod, staging),tier", true)]
    [InlineData("x notin ()", false)]
    [InlineData("a=b=c", false)]
    [InlineData("in (a)", false)]
    [InlineData("!", false)]
    [InlineData("bad key=v", false)]
    public void Accepts_kubernetes_syntax_and_rejects_the_rest(string text, bool valid)
    {
        var (selector, error) = LabelSelectorParser.Parse(text);

        (selector is not null).Should().Be(valid, error);
        if (!valid)
            error.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Set_requirements_match_values_with_spaces_trimmed()
    {
        var (selector, _) = LabelSelectorParser.Parse("env in ( prod , staging )");

        selector!.Matches(new Dictionary<string, string> { ["env"] = "staging" }).Should().BeTrue();
        selector.Matches(new Dictionary<string, string> { ["env"] = "dev" }).Should().BeFalse();
    }
}
