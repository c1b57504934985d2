namespace Paas.Cli.Failures;

/// <summary>The command could not be carried out (an unknown App, a refused request, a wait that ran out); <c>paas</c> exits with 1.</summary>
public sealed class CommandFailedException(string message, Exception? inner = null) : Exception(message, inner);
