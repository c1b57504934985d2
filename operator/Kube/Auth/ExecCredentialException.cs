namespace Kube.Auth;

/// <summary>An exec credential plugin could not be run or returned something unusable; the message names the command.</summary>
public sealed class ExecCredentialException : Exception
{
    public ExecCredentialException(string message)
        : base(message)
    {
    }

    public ExecCredentialException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
