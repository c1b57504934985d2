namespace Kube.Runtime.Informers;

/// <summary>Which handler method a notification calls.</summary>
internal enum NotificationKind
{
    Added,
    Updated,
    Deleted,
}

/// <summary>One change an informer hands to a handler's dispatch loop.</summary>
internal readonly record struct Notification<T>(NotificationKind Kind, T? Old, T Current);
