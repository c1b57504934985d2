namespace Kube.Testing.Resources;

/// <summary>Identifies a stored collection: a group and its plural (versions share storage).</summary>
internal readonly record struct ResourceKey(string Group, string Plural);
