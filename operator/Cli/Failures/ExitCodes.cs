namespace Paas.Cli.Failures;

/// <summary>The exit codes of <c>paas</c>, as scripts rely on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The cluster refused or could not do it, or it could not be reached.</summary>
    public const int Failed = 1;

    /// <summary>The command line is malformed; nothing was sent.</summary>
    public const int Usage = 2;
}
