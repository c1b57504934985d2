using Kube.Client;
using Kube.Models;
using Paas.Platform.Api;

namespace Paas.Controllers.Plumbing;

/// <summary>
/// Deletes an owner's children that are no longer desired: only objects labelled <c>paas.dev/app=&lt;app&gt;</c> whose
/// controller owner reference is this owner, so objects a user made by hand or another owner made are never touched.
/// </summary>
public sealed class ChildPruner
{
    private readonly IDynamicKubeClient client;

    public ChildPruner(IDynamicKubeClient client)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>Deletes the owned objects of <paramref name="type"/> in <paramref name="live"/> not named in <paramref name="desiredNames"/>; returns their names.</summary>
    public async Task<IReadOnlyList<string>> PruneAsync(
        IKubernetesObject owner,
        string appName,
        ResourceType type,
        IEnumerable<IKubernetesObject> live,
        IReadOnlySet<string> desiredNames,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(desiredNames);
        var deleted = new List<string>();
        foreach (var child in live.Where(child => IsPrunable(child.Metadata, owner, appName, desiredNames)))
        {
            await client.DeleteAsync(
                type,
                child.Metadata.Name!,
                child.Metadata.Namespace,
                new DeleteOptions { PreconditionUid = child.Metadata.Uid, IgnoreNotFound = true, PropagationPolicy = PropagationPolicy.Background },
                cancellationToken);
            deleted.Add(child.Metadata.Name!);
        }

        return deleted;
    }

    internal static bool IsPrunable(ObjectMeta child, IKubernetesObject owner, string appName, IReadOnlySet<string> desiredNames) =>
        child.Name is { } name
        && !desiredNames.Contains(name)
        && child.DeletionTimestamp is null
        && child.Labels?.GetValueOrDefault(PaasLabels.App) == appName
        && child.OwnerReferences?.Any(reference => reference.Controller == true && reference.Uid == owner.Metadata.Uid) == true;
}
