using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Testing.Resources;
using Kube.Testing.Storage;
using Microsoft.AspNetCore.Http;

namespace Kube.Testing.Server;

/// <summary>
/// Serves <c>?watch=true</c>: newline-delimited <c>{"type","object"}</c> events, flushed one by one, with bookmarks,
/// <c>timeoutSeconds</c>, 410 Gone as an ERROR event, and abrupt drops when the fault injector says so.
/// </summary>
internal sealed class WatchHandler(ObjectStore store, FaultInjector faults, KubeApiServerOptions options)
{
    private static readonly byte[] ObjectPrefix = Encoding.UTF8.GetBytes(",\"object\":");
    private static readonly byte[] LineEnd = Encoding.UTF8.GetBytes("}\n");

    public async Task WatchAsync(HttpContext context, RequestTarget target)
    {
        // Taken before the watch registers with the store: a DropWatches() while this watch is being set up must still
        // drop it (registering on an already cancelled token aborts at once).
        var dropSignal = faults.WatchDropSignal;
        var request = context.Request;
        var filter = RequestQuery.Filter(request, target.Namespace);
        if (target.Name is not null)
            filter = filter with { Fields = filter.Fields with { Requirements = [.. filter.Fields.Requirements, new("metadata.name", target.Name, false)] } };
        var from = RequestQuery.ResourceVersion(request);
        var bookmarks = RequestQuery.Flag(request, "allowWatchBookmarks");
        var sendInitialEvents = RequestQuery.Flag(request, "sendInitialEvents");
        var timeoutText = RequestQuery.Get(request, "timeoutSeconds");
        var timeout = int.TryParse(timeoutText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : Timeout.InfiniteTimeSpan;
        if (sendInitialEvents)
            from = null;

        var (watcher, floor) = store.Watch(target.Resource.Key, filter, from);
        context.Response.StatusCode = 200;
        context.Response.ContentType = Responses.Json;
        context.Response.Headers.CacheControl = "no-cache, private";
        if (watcher is null)
        {
            await WriteEventAsync(context, "ERROR", JsonSerializer.SerializeToUtf8Bytes(StatusErrors.Gone(from!.Value, floor).Status));
            return;
        }

        using var drop = dropSignal.Register(context.Abort);
        using var deadline = new CancellationTokenSource(timeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, context.RequestAborted);
        try
        {
            await context.Response.StartAsync(stop.Token);
            foreach (var change in watcher.Initial)
                await WriteChangeAsync(context, change, target.Resource);
            if (sendInitialEvents && bookmarks)
                await WriteBookmarkAsync(context, target.Resource, store.CurrentResourceVersion, initialEventsEnd: true);
            await context.Response.Body.FlushAsync(stop.Token);
            await StreamAsync(context, watcher, target.Resource, bookmarks, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // timeoutSeconds elapsed or the client went away: the response simply ends.
        }
        finally
        {
            store.Unwatch(target.Resource.Key, watcher);
        }
    }

    private async Task StreamAsync(HttpContext context, Watcher watcher, ResourceDefinition resource, bool bookmarks, CancellationToken cancellationToken)
    {
        var reader = watcher.Events;
        while (true)
        {
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            tick.CancelAfter(options.BookmarkInterval);
            bool more;
            try
            {
                more = await reader.WaitToReadAsync(tick.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                if (bookmarks)
                {
                    // Read the version first: every event up to it is already queued, so an empty queue means all were sent.
                    var rv = store.CurrentResourceVersion;
                    if (!reader.TryPeek(out _))
                    {
                        await WriteBookmarkAsync(context, resource, rv, initialEventsEnd: false);
                        await context.Response.Body.FlushAsync(cancellationToken);
                    }
                }
                continue;
            }
            if (!more)
                return; // the watcher fell too far behind and was closed, as the API server closes slow watchers
            while (reader.TryRead(out var change))
                await WriteChangeAsync(context, change, resource);
            await context.Response.Body.FlushAsync(cancellationToken);
        }
    }

    private static Task WriteChangeAsync(HttpContext context, WatchEvent change, ResourceDefinition resource) =>
        WriteEventAsync(context, change.Type, Responses.BytesFor(change.Object, resource));

    private static Task WriteBookmarkAsync(HttpContext context, ResourceDefinition resource, long resourceVersion, bool initialEventsEnd)
    {
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (initialEventsEnd)
            metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        var bookmark = new JsonObject { ["kind"] = resource.Kind, ["apiVersion"] = resource.ApiVersion, ["metadata"] = metadata };
        return WriteEventAsync(context, "BOOKMARK", JsonSerializer.SerializeToUtf8Bytes(bookmark));
    }

    private static async Task WriteEventAsync(HttpContext context, string type, ReadOnlyMemory<byte> objectJson)
    {
        var writer = context.Response.BodyWriter;
        var head = Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\"");
        writer.Write(head);
        writer.Write(ObjectPrefix);
        writer.Write(objectJson.Span);
        writer.Write(LineEnd);
        if (writer.UnflushedBytes > 256 * 1024)
            await writer.FlushAsync(context.RequestAborted);
    }
}
