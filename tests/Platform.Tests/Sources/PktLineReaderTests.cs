using Paas.Platform.Sources;
using static Paas.Platform.Tests.Sources.PktLines;

namespace Paas.Platform.Tests.Sources;

public class PktLineReaderTests
{
    [Fact]
    public void Reads_data_flush_delimiter_and_response_end_packets()
    {
        var read = PktLineReader.ReadAll(Body(Line("hello\n"), Flush, "0001", Line("x"), "0002"));

        read.Error.Should().BeNull();
        read.Lines.Select(line => line.Kind).Should().Equal(PktLineKind.Data, PktLineKind.Flush, PktLineKind.Delimiter, PktLineKind.Data, PktLineKind.ResponseEnd);
        read.Lines[0].Text().Should().Be("hello", "the optional trailing newline is not part of the text");
        read.Lines[3].Text().Should().Be("x");
    }

    [Fact]
    public void Length_is_hex_and_counts_its_own_four_digits()
    {
        var payload = new string('a', 30);

        var read = PktLineReader.ReadAll(Body("0022" + payload));

        read.Error.Should().BeNull();
        read.Lines.Should().ContainSingle().Which.Payload.Length.Should().Be(30);
    }

    [Theory]
    [InlineData("zz10abc", "not a 4-digit hex pkt-line length")]
    [InlineData("0003", "reserved pkt-line length 0003")]
    [InlineData("000aabc", "announces 10 bytes but only 7 follow")]
    [InlineData("00", "cut short (2 of 4 bytes)")]
    [InlineData("fff5", "above git's limit")]
    public void Malformed_framing_is_reported_with_its_offset(string body, string expected)
    {
        var read = PktLineReader.ReadAll(Body(Line("ok"), body));

        read.Error.Should().Contain(expected).And.Contain("byte 6");
        read.Lines.Should().ContainSingle("the packets before the error are kept");
    }
}
