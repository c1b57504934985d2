using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Kube.Runtime.Informers;

/// <summary>
/// Feeds one handler from its own queue and loop, so the watch loop never waits on a handler and one handler's
/// exception or slowness never reaches another.
/// </summary>
internal sealed class HandlerDispatcher<T> : IDisposable
{
    private readonly Channel<Notification<T>> pending =
        Channel.CreateUnbounded<Notification<T>>(new UnboundedChannelOptions { SingleReader = true });

    private readonly IInformerHandler<T> handler;
    private readonly ILogger logger;
    private readonly Action<HandlerDispatcher<T>> onDispose;

    public HandlerDispatcher(IInformerHandler<T> handler, ILogger logger, Action<HandlerDispatcher<T>> onDispose)
    {
        this.handler = handler;
        this.logger = logger;
        this.onDispose = onDispose;
        Completion = Task.Run(DispatchAsync);
    }

    /// <summary>Ends when the registration is disposed and the backlog is delivered.</summary>
    public Task Completion { get; }

    public void Post(Notification<T> notification) => pending.Writer.TryWrite(notification);

    public void Dispose()
    {
        if (pending.Writer.TryComplete())
        {
            onDispose(this);
        }
    }

    private async Task DispatchAsync()
    {
        await foreach (var notification in pending.Reader.ReadAllAsync())
        {
            try
            {
                switch (notification.Kind)
                {
                    case NotificationKind.Added:
                        handler.OnAdded(notification.Current);
                        break;
                    case NotificationKind.Updated:
                        handler.OnUpdated(notification.Old!, notification.Current);
                        break;
                    case NotificationKind.Deleted:
                        handler.OnDeleted(notification.Current);
                        break;
                }
            }
#pragma warning disable CA1031 // A handler's bug must not stop deliveries to it or to anyone else.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Informer handler {Handler} failed on a {Kind} notification", handler.GetType().Name, notification.Kind);
            }
        }
    }
}
