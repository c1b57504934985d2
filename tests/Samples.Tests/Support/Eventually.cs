namespace Paas.Samples.Tests.Support;

/// <summary>Polls for an eventual condition with a generous deadline instead of sleeping a fixed time.</summary>
internal static class Eventually
{
    public static async Task<T> Async<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within 10 s; last value: {value}");
            }

            await Task.Delay(50);
        }
    }
}
