using System.Threading.Channels;
using Kube.Client;
using Kube.Models;

namespace Kube.Runtime.Tests.Support;

/// <summary>One scripted watch stream: the test sends events, failures or the end, live or in advance.</summary>
internal sealed class FakeWatch
{
    private readonly Channel<object> steps = Channel.CreateUnbounded<object>();

    public WatchOptions? OpenedWith { get; set; }

    public bool Disposed { get; set; }

    public FakeWatch Send<T>(string type, T obj)
        where T : class
    {
        steps.Writer.TryWrite(new WatchEvent<T> { Type = type, Object = obj });
        return this;
    }

    /// <summary>A bookmark as the client yields it: a resourceVersion and no object.</summary>
    public FakeWatch SendBookmark(string resourceVersion)
    {
        steps.Writer.TryWrite(new BookmarkStep(resourceVersion));
        return this;
    }

    public FakeWatch SendError(int code, string reason)
    {
        steps.Writer.TryWrite(new ErrorStep(new Status { Code = code, Reason = reason, Message = $"{reason} from the fake" }));
        return this;
    }

    public FakeWatch Fail(Exception exception)
    {
        steps.Writer.TryWrite(exception);
        return this;
    }

    /// <summary>The server closes the stream cleanly, as it does at the watch timeout.</summary>
    public FakeWatch End()
    {
        steps.Writer.TryComplete();
        return this;
    }

    public ChannelReader<object> Steps => steps.Reader;

    internal sealed record ErrorStep(Status Status);

    internal sealed record BookmarkStep(string ResourceVersion);
}
