using Paas.Cli.Logs;
using Paas.Cli.Output;

namespace Paas.Cli.Tests.Output;

public class OutputTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Text_table_pads_every_column_to_its_widest_cell_and_trims_line_ends()
    {
        var table = new TextTable("NAME", "RELEASE", "URL").Add("shop", "v12", "https://shop").Add("a-long-name", "v1", null);
        using var writer = new StringWriter { NewLine = "\n" };

        await table.WriteAsync(writer);

        writer.ToString().Should().Be(
            "NAME         RELEASE  URL\n" +
            "shop         v12      https://shop\n" +
            "a-long-name  v1\n");
    }

    [Fact]
    public async Task Text_table_with_empty_headers_prints_rows_only()
    {
        var table = new TextTable("", "").Add("FOO:", "1").Add("LONGER:", "2");
        using var writer = new StringWriter { NewLine = "\n" };

        await table.WriteAsync(writer);

        writer.ToString().Should().Be("FOO:     1\nLONGER:  2\n");
    }

    [Fact]
    public async Task Text_table_without_headers_or_rows_prints_nothing()
    {
        using var writer = new StringWriter();

        await new TextTable("", "").WriteAsync(writer);

        writer.ToString().Should().BeEmpty();
    }

    [Theory]
    [InlineData(30, "30s")]
    [InlineData(90, "1m")]
    [InlineData(3 * 3600 + 5, "3h")]
    [InlineData(47 * 3600, "47h")]
    [InlineData(9 * 86400, "9d")]
    public void Ages_are_kubectls_short_form(int secondsAgo, string expected) =>
        Ages.Since(Now.AddSeconds(-secondsAgo), Now).Should().Be(expected);

    [Fact]
    public void Ages_of_nothing_and_of_the_future_are_shown_honestly()
    {
        Ages.Since(null, Now).Should().Be("-");
        Ages.Since(Now.AddSeconds(5), Now).Should().Be("0s");
    }

    [Fact]
    public void Log_lines_keep_the_kubelet_timestamp_and_name_the_dyno()
    {
        LogLine.Parse("web.x7k2p", "2026-11-22T10:00:00.123456789Z GET / 200 OK").ToString()
            .Should().Be("2026-11-22T10:00:00.123456789Z app[web.x7k2p]: GET / 200 OK");
        LogLine.Parse("web.x7k2p", "no timestamp here").ToString().Should().Be("app[web.x7k2p]: no timestamp here");
    }
}
