using System.CommandLine;
using Kube.Client;
using Paas.Cli.Cluster;
using Paas.Cli.Failures;

namespace Paas.Cli.Commands;

/// <summary>Runs a command's body with a session, and turns its failures into a message on stderr and an exit code.</summary>
public sealed class CommandRunner(GlobalOptions options, CliEnvironment environment)
{
    public GlobalOptions Options { get; } = options;

    public CliEnvironment Environment { get; } = environment;

    /// <summary>Sets <paramref name="command"/>'s action to <paramref name="body"/>, run inside a session.</summary>
    public void Bind(Command command, Func<ParseResult, CliSession, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, body, cancellationToken));

    /// <summary>Like the other overload, for bodies that succeed with exit code 0.</summary>
    public void Bind(Command command, Func<ParseResult, CliSession, CancellationToken, Task> body) =>
        Bind(command, async (parse, session, cancellationToken) =>
        {
            await body(parse, session, cancellationToken);
            return ExitCodes.Ok;
        });

    private async Task<int> RunAsync(ParseResult parse, Func<ParseResult, CliSession, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        CliSession? session = null;
        try
        {
            session = new CliSession(parse, Options, Environment);
            return await body(parse, session, cancellationToken);
        }
        catch (UsageException usage)
        {
            await FailAsync(session, usage.Message, $"See `paas {parse.CommandResult.Command.Name} --help`.");
            return ExitCodes.Usage;
        }
        catch (CommandFailedException failed)
        {
            await FailAsync(session, failed.Message);
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is KubeApiException or HttpRequestException or TimeoutException or IOException && session is { IsConnected: true })
        {
            await FailAsync(session, ApiFailures.Describe(e, session.Namespace, session.Config.Server));
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
        finally
        {
            session?.Dispose();
        }
    }

    private async Task FailAsync(CliSession? session, string message, string? hint = null)
    {
        // A half-written step line ("Setting FOO... ") must not swallow the error.
        if (session is not null)
        {
            await session.AbandonStepAsync();
        }

        await Environment.Out.FlushAsync();
        await Environment.Error.WriteLineAsync($" !    {message}");
        if (hint is not null)
        {
            await Environment.Error.WriteLineAsync($" !    {hint}");
        }
    }
}
