using System.Net;
using Kube.Testing.Server;
using Kube.Testing.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Kube.Testing.Tests.WritePath;

/// <summary>A bug inside request handling reaches the client as a Status, not as an empty 500.</summary>
public sealed class UnexpectedErrorTests
{
    // kube-apiserver wraps unexpected errors with NewInternalError: https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
    [Fact]
    public async Task Unexpected_exception_becomes_InternalError_status_and_is_logged()
    {
        using var log = new CapturingLogger();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(log));
        RecordingHooks recording = null!;
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { LoggerFactory = loggers }, store =>
        {
            recording = new RecordingHooks(WriteHookComposition.Default(store));
            return recording.Hooks;
        }, CancellationToken.None);
        using var api = new RawApi(server);
        recording.Verdict = _ => throw new InvalidOperationException("schema node 'minLength' is not a number");

        var reply = await api.PostAsync("/api/v1/namespaces/default/configmaps", Objects.ConfigMap("broken"));

        reply.Status.Should().Be(HttpStatusCode.InternalServerError);
        reply.Json["kind"]!.GetValue<string>().Should().Be("Status");
        reply.Json["status"]!.GetValue<string>().Should().Be("Failure");
        reply.Json["reason"]!.GetValue<string>().Should().Be("InternalError");
        reply.Json["code"]!.GetValue<int>().Should().Be(500);
        reply.Json["message"]!.GetValue<string>().Should().Be("Internal error occurred: schema node 'minLength' is not a number");
        log.Entries.Should().ContainSingle(e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException)
            .Which.Message.Should().Contain("POST /api/v1/namespaces/default/configmaps");
    }
}
