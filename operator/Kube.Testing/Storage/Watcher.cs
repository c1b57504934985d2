using System.Threading.Channels;

namespace Kube.Testing.Storage;

/// <summary>
/// One open watch: the events it must replay first, then live events through a bounded channel.
/// Writers never wait on it; a watcher that falls too far behind is disconnected, as the API server does.
/// </summary>
internal sealed class Watcher
{
    private readonly Channel<WatchEvent> _live;

    public Watcher(WatchFilter filter, IReadOnlyList<WatchEvent> initial, int capacity)
    {
        Filter = filter;
        Initial = initial;
        _live = Channel.CreateBounded<WatchEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public WatchFilter Filter { get; }
    public IReadOnlyList<WatchEvent> Initial { get; }
    public ChannelReader<WatchEvent> Events => _live.Reader;

    /// <summary>True when the watcher was too slow and has been closed.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Called under the store lock for every change to the watched resource.</summary>
    public void Offer(WatchEvent change)
    {
        var visible = Filter.Translate(change);
        if (visible is null || Overflowed)
            return;
        if (!_live.Writer.TryWrite(visible))
        {
            Overflowed = true;
            _live.Writer.TryComplete();
        }
    }

    public void Close() => _live.Writer.TryComplete();
}
