namespace Paas.Cli.Failures;

/// <summary>The command line itself is wrong (a malformed argument, a missing option); <c>paas</c> exits with 2.</summary>
public sealed class UsageException(string message) : Exception(message);
