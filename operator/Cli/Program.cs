using Paas.Cli;

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops a `logs --tail` or a wait cleanly; the process then exits with the command's code.
    e.Cancel = true;
    interrupt.Cancel();
};
return await PaasCli.RunAsync(args, CliEnvironment.ForConsole(), interrupt.Token);
