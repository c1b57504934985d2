using Kube.Models;

namespace Kube.Client;

/// <summary>Conveniences built from <see cref="IKubeClient"/>'s own calls, so every implementation has them.</summary>
public static class KubeClientExtensions
{
    /// <summary>
    /// Lists every object, page by page (<paramref name="pageSize"/> each), following <c>continue</c>. The result carries
    /// the first page's resourceVersion: the snapshot every page belongs to, from which a watch can start.
    /// A continue token that expired mid-way surfaces as <see cref="GoneException"/>; list again.
    /// </summary>
    public static async Task<KubeList<T>> ListAllAsync<T>(
        this IKubeClient client, string? @namespace, ListOptions? options = null, int pageSize = 500, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
    {
        var pageOptions = (options ?? new ListOptions()) with { Limit = options?.Limit ?? pageSize, Continue = null };
        var items = new List<T>();
        var first = await client.ListAsync<T>(@namespace, pageOptions, cancellationToken);
        items.AddRange(first.Items);
        var next = first.Metadata.Continue;
        while (!string.IsNullOrEmpty(next))
        {
            // Later pages must not repeat resourceVersion: the continue token already pins the snapshot.
            var page = await client.ListAsync<T>(@namespace, pageOptions with { Continue = next, ResourceVersion = null, ResourceVersionMatch = null }, cancellationToken);
            items.AddRange(page.Items);
            next = page.Metadata.Continue;
        }

        return first with { Items = items, Metadata = first.Metadata with { Continue = null, RemainingItemCount = null } };
    }
}
