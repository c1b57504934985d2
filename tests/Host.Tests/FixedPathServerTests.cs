using System.Net;
using Paas.Host.Running;
using static Paas.Host.Tests.Support.RunningOperator;

namespace Paas.Host.Tests;

/// <summary>The probes' and metrics' server answers its fixed paths and nothing else.</summary>
public sealed class FixedPathServerTests
{
    [Fact]
    public async Task Known_paths_answer_GET_and_HEAD_unknown_paths_404_and_other_methods_405()
    {
        var port = FreePort();
        var calls = 0;
        await using var app = FixedPathServer.Build($"http://127.0.0.1:{port}", new Dictionary<string, Func<FixedPathServer.Answer>>(StringComparer.Ordinal)
        {
            ["/readyz"] = () => FixedPathServer.Answer.Text($"call {++calls}", calls > 1 ? 503 : 200),
        });
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var first = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        (await first.Content.ReadAsStringAsync()).Should().Be("call 1");
        first.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");

        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/readyz", UriKind.Relative)));
        head.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "each request asks the answer anew");
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty();

        using var missing = await http.GetAsync(new Uri("/readyz/", UriKind.Relative));
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);

        using var post = await http.PostAsync(new Uri("/readyz", UriKind.Relative), new StringContent("x"));
        post.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        post.Content.Headers.Allow.Should().BeEquivalentTo("GET", "HEAD");
    }
}
