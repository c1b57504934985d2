namespace Kube.Testing.Admission;

/// <summary>Looks up a namespace's labels for <c>namespaceSelector</c>; null when the namespace does not exist.</summary>
internal delegate Task<IReadOnlyDictionary<string, string>?> NamespaceLabelLookup(string namespaceName, CancellationToken cancellationToken);
