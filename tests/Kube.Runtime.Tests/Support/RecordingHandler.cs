using Kube.Models;
using Kube.Runtime.Informers;

namespace Kube.Runtime.Tests.Support;

/// <summary>Records informer notifications as readable lines such as <c>Deleted b</c>.</summary>
internal sealed class RecordingHandler<T> : IInformerHandler<T>
    where T : IKubernetesObject
{
    private readonly Lock sync = new();
    private readonly List<string> seen = [];

    public IReadOnlyList<string> Seen
    {
        get
        {
            lock (sync)
            {
                return [.. seen];
            }
        }
    }

    public void OnAdded(T obj) => Add($"Added {obj.Metadata.Name}");

    public void OnUpdated(T old, T current) => Add($"Updated {current.Metadata.Name}");

    public void OnDeleted(T obj) => Add($"Deleted {obj.Metadata.Name}");

    private void Add(string line)
    {
        lock (sync)
        {
            seen.Add(line);
        }
    }
}
