namespace Kube.Testing.Kubelet;

/// <summary>How one container of a Job's pod ended (or that it is still running), as the test kubelet reports it.</summary>
/// <param name="Name">The container's name in the pod template.</param>
/// <param name="ExitCode">The exit code of a terminated container; null while it runs.</param>
/// <param name="Message">The termination message: what the container wrote to its termination log, or the tail of its log.</param>
public sealed record ContainerOutcome(string Name, int? ExitCode, string? Message)
{
    /// <summary>Exited 0 with <paramref name="message"/> as its termination message.</summary>
    public static ContainerOutcome Completed(string name, string? message = null) => new(name, 0, message);

    /// <summary>Exited non-zero with <paramref name="message"/>.</summary>
    public static ContainerOutcome Failed(string name, string? message, int exitCode = 1) => new(name, exitCode, message);

    /// <summary>Still running.</summary>
    public static ContainerOutcome Running(string name) => new(name, null, null);
}
