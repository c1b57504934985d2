namespace Kube.Runtime.Leadership;

/// <summary>Which Lease to contend for, who we are, and the timing (client-go's defaults).</summary>
public sealed record LeaderElectionOptions
{
    public required string LeaseName { get; init; }

    public required string LeaseNamespace { get; init; }

    /// <summary>Unique per candidate, e.g. the pod name plus a random suffix.</summary>
    public required string Identity { get; init; }

    /// <summary>How long others wait, after they last saw the lease change, before taking it over.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps retrying a failed renewal before it gives up leading.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time between attempts to acquire or renew.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Called when leadership is lost (renewal failed for <see cref="RenewDeadline"/>, or another holder appeared),
    /// not on a graceful release. Null means: exit the process with code 1, so Kubernetes restarts it with clean state
    /// instead of letting a former leader carry on; tests inject their own.
    /// </summary>
    public Action? OnStoppedLeading { get; init; }

    /// <summary>Checks the timings hold together; returns the problems, each naming the field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (LeaseDuration <= RenewDeadline)
        {
            problems.Add($"LeaseDuration ({LeaseDuration}) must be greater than RenewDeadline ({RenewDeadline}); otherwise another candidate may take over while the leader is still retrying.");
        }

        if (RenewDeadline <= RetryPeriod * 1.2)
        {
            problems.Add($"RenewDeadline ({RenewDeadline}) must be greater than 1.2 × RetryPeriod ({RetryPeriod}); otherwise one slow attempt loses the lease.");
        }

        if (string.IsNullOrWhiteSpace(Identity))
        {
            problems.Add("Identity is empty; set it to something unique per replica, such as the pod name.");
        }

        return problems;
    }
}
