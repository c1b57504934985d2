namespace Kube.Runtime.Cache;

/// <summary>Computes the index values of one object, e.g. its namespace or its owners' uids.</summary>
/// <typeparam name="T">The object type.</typeparam>
public delegate IEnumerable<string> IndexFunction<in T>(T obj);
