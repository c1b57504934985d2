namespace Kube.Testing.Kubectl;

/// <summary>How kubectl exited and what it printed.</summary>
public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
