namespace Kube.Runtime.Leadership;

/// <summary>The result of one attempt to acquire or renew the lease.</summary>
internal enum LeaseAttempt
{
    /// <summary>We hold the lease now.</summary>
    Held,

    /// <summary>Someone else holds an unexpired lease.</summary>
    HeldByOther,

    /// <summary>The attempt failed (conflict, network); try again.</summary>
    Failed,
}
