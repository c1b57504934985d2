namespace Paas.Controllers.Apps;

/// <summary>Reasons of an App's Ready condition beyond the shared <see cref="Platform.Api.ConditionReasons"/>.</summary>
public static class WorkloadReasons
{
    /// <summary>Every process type of the current Release has its desired dynos running it and ready.</summary>
    public const string Ready = "Ready";

    /// <summary>Some Deployment has not yet rolled the current Release out to all its dynos.</summary>
    public const string RollingOut = "RollingOut";

    /// <summary>The API server refused a workload object; the message says which and why.</summary>
    public const string ApplyFailed = "ApplyFailed";

    /// <summary>Event: the current Release's new pod template was sent to its Deployments; one event names every process type of the rollout.</summary>
    public const string RolloutStarted = "RolloutStarted";

    /// <summary>Event: every process type of the current Release is rolled out and ready.</summary>
    public const string RolloutComplete = "RolloutComplete";
}
