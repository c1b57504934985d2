using Kube.Client;

namespace Kube.Tests.Support;

/// <summary>Clients over a scripted handler whose retry waits are recorded instead of slept.</summary>
public static class TestClients
{
    public static readonly Uri Server = new("https://kube.test:6443");

    public static KubeClient Over(HttpMessageHandler handler, ManualClock? clock = null, List<KubeRetryAttempt>? retries = null) =>
        new(handler, Server, new KubeClientOptions
        {
            JsonResolvers = [TestJsonContext.Default],
            Retry = new KubeRetryOptions
            {
                TimeProvider = clock ?? new ManualClock(),
                OnRetry = retries is null ? null : attempt => { lock (retries) { retries.Add(attempt); } },
            },
        });
}
