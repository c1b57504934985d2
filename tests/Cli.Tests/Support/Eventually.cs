namespace Paas.Cli.Tests.Support;

/// <summary>Polls for a condition that becomes true asynchronously, with a generous deadline instead of fixed sleeps.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {because}.");
            }

            await Task.Delay(25);
        }
    }
}
