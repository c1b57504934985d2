namespace Kube.Testing.Storage;

/// <summary>One page of a list: the items, the list's resourceVersion, where to continue and how many remain.</summary>
internal sealed record ListPage(IReadOnlyList<StoredObject> Items, long ResourceVersion, string? ContinueAfterKey, int? RemainingItemCount);
