using Kube.Models;

namespace Kube.Runtime.Informers;

/// <summary>The part of an informer a host needs to run it without knowing its object type.</summary>
public interface IInformer
{
    ResourceType Resource { get; }

    /// <summary>True once the first list has filled the cache.</summary>
    bool HasSynced { get; }

    /// <summary>Lists, then watches, until cancelled; reconnects and relists on its own.</summary>
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Completes when <see cref="HasSynced"/> becomes true.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);
}
