using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Paas.Host.Tests.Support;

/// <summary>What the tests that run <c>paas-operator run</c> in-process share: waiting on it, free ports, the repository.</summary>
internal static class RunningOperator
{
    /// <summary>Polls <paramref name="condition"/> for up to 30 s, failing early when the operator's <paramref name="run"/> ends.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, Task run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (run.IsCompleted)
            {
                await run;
                throw new InvalidOperationException("the operator stopped before the condition held");
            }

            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the condition should hold within 30 s");
            await Task.Delay(100);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot() =>
        typeof(RunningOperator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}
