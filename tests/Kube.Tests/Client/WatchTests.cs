using System.Net;
using Kube.Client;
using Kube.Tests.Support;

namespace Kube.Tests.Client;

public sealed class WatchTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly ChunkedStream _body = new();
    private readonly ScriptedHandler _handler = new();

    public WatchTests()
    {
        _handler.Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(_body) });
    }

    [Fact]
    public async Task Events_split_across_reads_are_joined_and_blank_lines_skipped()
    {
        using var client = TestClients.Over(_handler);
        _body.Send("""{"type":"ADDED","object":{"metadata":{"name":"a","namespace":"ns","resourceVersion":"5"},"da""");
        _body.Send("""ta":{"k":"v"}}}""" + "\n\n");
        _body.Send("\r\n" + """{"type":"MODIFIED","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"a","namespace":"ns","resourceVersion":"6"}}}""" + "\r\n");
        _body.Send("""{"type":"BOOKMARK","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"9"}}}""" + "\n");
        _body.End();

        var events = await Collect(client.WatchAsync<ConfigMap>("ns", new WatchOptions { ResourceVersion = "4" }));

        events.Select(e => e.Type).Should().Equal("ADDED", "MODIFIED", "BOOKMARK");
        events[0].Object!.Data.Should().Contain("k", "v");
        events[0].Object!.Kind.Should().Be("ConfigMap", "kind is filled in from the resource type when the server leaves it out");
        events[2].ResourceVersion.Should().Be("9");
        events[2].Object.Should().BeNull("a bookmark carries only a resourceVersion");
    }

    [Fact]
    public async Task Bookmark_of_a_kind_with_required_fields_yields_its_resource_version()
    {
        using var client = TestClients.Over(_handler);
        _body.Send("""{"type":"ADDED","object":{"metadata":{"name":"g","namespace":"ns","resourceVersion":"5"},"spec":{"size":2}}}""" + "\n");
        _body.Send("""{"type":"BOOKMARK","object":{"kind":"Gadget","apiVersion":"example.dev/v1alpha1","metadata":{"resourceVersion":"9"}}}""" + "\n");
        _body.End();

        var events = await Collect(client.WatchAsync<Gadget>("ns", new WatchOptions { ResourceVersion = "4" }));

        events.Select(e => (e.Type, e.ResourceVersion)).Should().Equal(("ADDED", "5"), ("BOOKMARK", "9"));
        events[0].Object!.Spec.Size.Should().Be(2);
    }

    [Fact]
    public async Task Watch_request_asks_for_watch_from_the_resource_version_with_bookmarks()
    {
        using var client = TestClients.Over(_handler);
        _body.End();

        await Collect(client.WatchAsync<ConfigMap>("ns", new WatchOptions
        {
            ResourceVersion = "42",
            LabelSelector = "app in (web, worker)",
            Timeout = TimeSpan.FromMinutes(5),
        }));

        _handler.Requests.Single().PathAndQuery.Should().Be(
            "/api/v1/namespaces/ns/configmaps?watch=true&resourceVersion=42&labelSelector=app%20in%20%28web%2C%20worker%29&allowWatchBookmarks=true&timeoutSeconds=300");
    }

    [Fact]
    public async Task Error_event_is_yielded_with_its_status()
    {
        using var client = TestClients.Over(_handler);
        _body.Send("""{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version: 5 (10)","reason":"Expired","code":410}}""" + "\n");
        _body.End();

        var events = await Collect(client.WatchAsync<ConfigMap>("ns", new WatchOptions { ResourceVersion = "5" }));

        var error = events.Should().ContainSingle().Subject;
        error.Type.Should().Be("ERROR");
        error.Object.Should().BeNull();
        error.Error!.Code.Should().Be(410);
        error.Error.Reason.Should().Be("Expired");
    }

    [Fact]
    public async Task Malformed_line_fails_with_the_line_in_the_message()
    {
        using var client = TestClients.Over(_handler);
        _body.Send("""{"type":"ADDED","object":{"metadata":{"name":"a"}}}""" + "\n");
        _body.Send("<html>proxy timeout</html>\n");
        _body.End();
        var seen = new List<string>();

        var act = async () =>
        {
            await foreach (var change in client.WatchAsync<ConfigMap>("ns", new WatchOptions()))
            {
                seen.Add(change.Type);
            }
        };

        (await act.Should().ThrowAsync<WatchStreamException>())
            .Which.Message.Should().Contain("GET /api/v1/namespaces/ns/configmaps?watch=true").And.Contain("not JSON").And.Contain("<html>proxy timeout</html>");
        seen.Should().Equal("ADDED");
    }

    [Theory]
    [InlineData("""{"object":{"metadata":{}}}""", "no \"type\"")]
    [InlineData("""{"type":"ADDED"}""", "no \"object\"")]
    [InlineData("""{"type":"ADDED","object":{"metadata":{"name":7}}}""", "does not fit ConfigMap")]
    public async Task Lines_that_are_json_but_not_events_are_rejected(string line, string problem)
    {
        using var client = TestClients.Over(_handler);
        _body.Send(line + "\n");
        _body.End();

        var error = await Assert.ThrowsAsync<WatchStreamException>(() => Collect(client.WatchAsync<ConfigMap>("ns", new WatchOptions())));

        error.Message.Should().Contain(problem);
        error.Line.Should().Be(line);
    }

    [Fact]
    public async Task Cancellation_ends_a_quiet_watch_and_closes_the_response()
    {
        using var client = TestClients.Over(_handler);
        using var cancel = new CancellationTokenSource();
        _body.Send("""{"type":"ADDED","object":{"metadata":{"name":"a"}}}""" + "\n");
        var seen = new List<string>();

        var watching = Task.Run(async () =>
        {
            await foreach (var change in client.WatchAsync<ConfigMap>("ns", new WatchOptions(), cancel.Token))
            {
                seen.Add(change.Type);
                await cancel.CancelAsync();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching.WaitAsync(Deadline));
        seen.Should().Equal("ADDED");
        _body.Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_the_next_line_stops_the_watch()
    {
        using var client = TestClients.Over(_handler);
        using var cancel = new CancellationTokenSource();
        var enumerator = client.WatchAsync<ConfigMap>("ns", new WatchOptions(), cancel.Token).GetAsyncEnumerator(cancel.Token);

        var next = enumerator.MoveNextAsync().AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Deadline));
        await enumerator.DisposeAsync();
        _body.Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task Disposing_the_enumerator_early_closes_the_response()
    {
        using var client = TestClients.Over(_handler);
        _body.Send("""{"type":"ADDED","object":{"metadata":{"name":"a"}}}""" + "\n");

        await foreach (var change in client.WatchAsync<ConfigMap>("ns", new WatchOptions()))
        {
            change.Type.Should().Be("ADDED");
            break;
        }

        _body.Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task Watch_that_fails_to_open_raises_the_typed_error()
    {
        var handler = new ScriptedHandler().ThenJson(HttpStatusCode.Gone, ScriptedHandler.StatusJson(410, "Gone", "too old"));
        using var client = TestClients.Over(handler);

        await Assert.ThrowsAsync<GoneException>(() => Collect(client.WatchAsync<ConfigMap>("ns", new WatchOptions { ResourceVersion = "1" })));
    }

    private static async Task<List<Kube.Models.WatchEvent<T>>> Collect<T>(IAsyncEnumerable<Kube.Models.WatchEvent<T>> watch)
    {
        var events = new List<Kube.Models.WatchEvent<T>>();
        await foreach (var change in watch.WithCancellation(new CancellationTokenSource(Deadline).Token))
        {
            events.Add(change);
        }

        return events;
    }
}
