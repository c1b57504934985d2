namespace Paas.Platform.Rendering;

/// <summary>
/// How a dyno starts its Procfile command. Heroku runs <c>bash -c "&lt;command&gt;"</c> after sourcing
/// <c>/app/.profile.d/*.sh</c> and <c>/app/.profile</c>, where buildpacks put PATH and runtime settings. The
/// container's command is a fixed POSIX-sh script doing the same (a no-op in images without those files), and the
/// Procfile command is its only argument, so the pod spec shows it verbatim. The script ends by exec-ing
/// <c>sh -c "$0"</c>: for a simple command the shell execs it in turn, so the app itself is PID 1 and receives the
/// SIGTERM Kubernetes sends on shutdown, as every Heroku process does.
/// </summary>
public static class DynoLauncher
{
    /// <summary>The shell the launcher runs in; every Heroku stack image and most others have it.</summary>
    public const string Shell = "/bin/sh";

    /// <summary>Sources the buildpacks' profile scripts, then replaces itself with the command given as <c>$0</c>.</summary>
    public const string Script =
        "for profile in /app/.profile.d/*.sh; do if [ -f \"$profile\" ]; then . \"$profile\"; fi; done; " +
        "if [ -f /app/.profile ]; then . /app/.profile; fi; " +
        "exec /bin/sh -c \"$0\"";

    /// <summary>The container <c>command</c>.</summary>
    public static IReadOnlyList<string> Command { get; } = [Shell, "-c", Script];

    /// <summary>The container <c>args</c> for a Procfile command.</summary>
    public static IReadOnlyList<string> Args(string processCommand) => [processCommand];
}
