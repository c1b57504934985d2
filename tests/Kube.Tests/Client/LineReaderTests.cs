using System.Text;
using Kube.Client;
using Kube.Tests.Support;

namespace Kube.Tests.Client;

/// <summary>The watch's line reader hands out whole lines whatever sizes the network delivers them in.</summary>
public sealed class LineReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(4096)]
    public async Task Lines_split_across_reads_come_out_whole_and_a_last_line_without_newline_counts(int readSize)
    {
        var lines = await ReadAllAsync("first\n\nsecond line\nthird", readSize);

        lines.Should().Equal("first", "", "second line", "third");
    }

    [Fact]
    public async Task A_line_longer_than_the_buffer_arrives_whole_and_the_next_one_after_it()
    {
        var big = new string('x', 100_000);

        var lines = await ReadAllAsync($"{big}\nafter\n", 3000);

        lines.Should().HaveCount(2);
        lines[0].Should().Be(big);
        lines[1].Should().Be("after");
    }

    [Fact]
    public async Task An_empty_stream_has_no_lines()
    {
        (await ReadAllAsync("", 10)).Should().BeEmpty();
    }

    private static async Task<List<string>> ReadAllAsync(string text, int readSize)
    {
        using var reader = new LineReader(new TrickleStream(Encoding.UTF8.GetBytes(text), readSize));
        var lines = new List<string>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lines.Add(Encoding.UTF8.GetString(line.Span));
        }

        return lines;
    }

}
