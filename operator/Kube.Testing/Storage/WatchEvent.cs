namespace Kube.Testing.Storage;

/// <summary>A change to one object; <see cref="Previous"/> is the state before a MODIFIED, so selector watches can tell entering from leaving.</summary>
internal sealed record WatchEvent(string Type, StoredObject Object, StoredObject? Previous)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";

    public long ResourceVersion => Object.ResourceVersion;
}
