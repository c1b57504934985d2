namespace Kube.Testing.Tests.Support;

/// <summary>Base for tests that each get a fresh server and a raw HTTP client.</summary>
public abstract class ServerTest : IAsyncLifetime
{
    protected KubeApiServer Server { get; private set; } = null!;

    protected RawApi Api { get; private set; } = null!;

    protected virtual KubeApiServerOptions Options => new();

    public virtual async Task InitializeAsync()
    {
        Server = await KubeApiServer.StartAsync(Options);
        Api = new RawApi(Server);
    }

    public virtual async Task DisposeAsync()
    {
        Api.Dispose();
        await Server.DisposeAsync();
    }
}
