using System.Text;
using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Tests.Support;

namespace Kube.Tests.Client;

/// <summary>List answers are read from the stream item by item, whatever sizes the network delivers them in.</summary>
public sealed class ListReaderTests
{
    private const string Source = "GET /api/v1/namespaces/a/configmaps";

    private static readonly string ThreeItems = """
        {"kind":"ConfigMapList","apiVersion":"v1",
         "metadata":{"resourceVersion":"42","continue":"next-page","remainingItemCount":7},
         "items":[
           {"metadata":{"name":"one","labels":{"a":"b"}},"data":{"k":"v \" } ] { ["}},
           {"metadata":{"name":"two"},"data":{"n":"1"},"binaryData":null},
           {"metadata":{"name":"three"},"nested":[[1,2,{"x":[true,false,null]}],-3.5e2]}
         ]}
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(100_000)]
    public async Task Items_metadata_and_type_fields_come_out_the_same_for_every_read_size(int readSize)
    {
        var list = await ReadAsync(ThreeItems, readSize);

        list.Kind.Should().Be("ConfigMapList");
        list.ApiVersion.Should().Be("v1");
        list.Metadata.ResourceVersion.Should().Be("42");
        list.Metadata.Continue.Should().Be("next-page");
        list.Metadata.RemainingItemCount.Should().Be(7);
        list.Items.Select(item => (string?)item["metadata"]!["name"]).Should().Equal("one", "two", "three");
        ((string?)list.Items[0]["data"]!["k"]).Should().Be("v \" } ] { [");
        list.Items[2]["nested"]!.ToJsonString().Should().Be("""[[1,2,{"x":[true,false,null]}],-3.5e2]""");
    }

    [Fact]
    public async Task An_item_larger_than_the_read_buffer_arrives_whole()
    {
        var big = new string('x', 300_000);
        var body = """{"items":[{"metadata":{"name":"small"}},{"metadata":{"name":"big","annotations":{"a":""" + "\"" + big + "\"" + """}}}],"metadata":{"resourceVersion":"9"}}""";

        var list = await ReadAsync(body, 8192);

        list.Items.Should().HaveCount(2);
        ((string?)list.Items[1]["metadata"]!["annotations"]!["a"]).Should().HaveLength(300_000);
        list.Metadata.ResourceVersion.Should().Be("9", "metadata after the items is read too");
    }

    [Fact]
    public async Task Items_are_materialized_as_each_one_arrives_not_after_the_whole_answer()
    {
        var seen = new List<string>();
        var body = new GatedStream(Encoding.UTF8.GetBytes("""{"items":[{"metadata":{"name":"first"}},"""), Encoding.UTF8.GetBytes("""{"metadata":{"name":"second"}}]}"""));

        var reading = ListReader<string>.ReadAsync(body, Source, item => { var name = (string)item["metadata"]!["name"]!; seen.Add(name); return name; }, CancellationToken.None);
        await body.FirstPartRead.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(50);
        seen.Should().Equal(["first"], "the first item is complete before the rest of the answer is sent");
        body.ReleaseSecondPart();

        (await reading.WaitAsync(TimeSpan.FromSeconds(10))).Items.Should().Equal("first", "second");
    }

    [Fact]
    public async Task An_answer_cut_off_inside_the_items_says_how_far_it_got()
    {
        var cut = ThreeItems[..ThreeItems.IndexOf("\"three\"", StringComparison.Ordinal)];

        var read = () => ReadAsync(cut, 5);

        (await read.Should().ThrowAsync<InvalidDataException>())
            .WithMessage($"{Source}: the list answer ended early (after 2 items, * bytes of an unfinished value); the connection was probably cut, list again");
    }

    [Fact]
    public async Task An_answer_that_is_not_an_object_is_refused_with_the_request_named()
    {
        var read = () => ReadAsync("""[{"metadata":{}}]""", 4);

        (await read.Should().ThrowAsync<InvalidDataException>()).WithMessage($"{Source}: the server answered without a JSON object");
    }

    [Fact]
    public async Task Malformed_json_is_reported_as_such()
    {
        var read = () => ReadAsync("""{"items":[{"metadata":}]}""", 64);

        (await read.Should().ThrowAsync<InvalidDataException>()).WithMessage($"{Source}: the server's list answer is not valid JSON: *");
    }

    private static Task<Kube.Models.KubeList<JsonObject>> ReadAsync(string body, int readSize) =>
        ListReader<JsonObject>.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(body), readSize), Source, item => item, CancellationToken.None);


    /// <summary>Sends its first part, then waits until the test releases the second.</summary>
    private sealed class GatedStream(byte[] first, byte[] second) : Stream
    {
        private readonly TaskCompletionSource firstRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int part;

        public Task FirstPartRead => firstRead.Task;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void ReleaseSecondPart() => release.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            switch (part++)
            {
                case 0:
                    first.CopyTo(buffer);
                    return first.Length;
                case 1:
                    firstRead.TrySetResult();
                    await release.Task.WaitAsync(cancellationToken);
                    second.CopyTo(buffer);
                    return second.Length;
                default:
                    return 0;
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
