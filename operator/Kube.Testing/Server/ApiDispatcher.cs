using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Testing.Discovery;
using Kube.Testing.Patching;
using Kube.Testing.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kube.Testing.Server;

/// <summary>The single request entry point: authentication, injected faults, then discovery or resource handlers; failures become Status bodies.</summary>
internal sealed class ApiDispatcher(
    ResourceRegistry registry,
    DiscoveryDocuments discovery,
    OpenApiDocuments openApi,
    ReadHandler reads,
    WatchHandler watches,
    WriteHandler writes,
    FaultInjector faults,
    KubeApiServerOptions options,
    ILogger<ApiDispatcher> logger)
{
    private static readonly Action<ILogger, string, string, Exception?> LogUnexpected =
        LoggerMessage.Define<string, string>(LogLevel.Error, new EventId(1, "UnexpectedError"), "Unexpected error serving {Method} {Path}");

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var arrived = System.Diagnostics.Stopwatch.GetTimestamp();
        ObservedRequest? observed = null;
        try
        {
            if (path is "/healthz" or "/livez" or "/readyz")
            {
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("ok", context.RequestAborted);
                return;
            }
            Authenticate(context.Request);
            var target = RequestTarget.Parse(path, registry);
            var verb = target is null ? "get" : Verb(context.Request, target);
            if (options.RequestObserver is { } observer && target is not null)
            {
                observed = await RequestObservations.BeginAsync(context, target, verb, options.ObserveRequestBodies);
                if (verb == "watch")
                {
                    observer(observed);
                    observed = null;
                }
            }

            await faults.BeforeRequestAsync(verb, context.Request.Method, path, context.RequestAborted);
            if (target is null)
                await DiscoveryAsync(context, path);
            else
                await ResourceAsync(context, target, verb);
        }
        catch (ApiException e)
        {
            await FailAsync(context, e);
        }
        catch (PatchException e)
        {
            await FailAsync(context, StatusErrors.BadRequest(e.Message));
        }
        catch (JsonException e)
        {
            await FailAsync(context, StatusErrors.BadRequest($"invalid JSON: {e.Message}"));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left.
        }
        catch (Exception e)
        {
            // A bug in this server: say so the way kube-apiserver does, instead of Kestrel's empty 500 that hides the cause.
            LogUnexpected(logger, context.Request.Method, path, e);
            if (context.Response.HasStarted)
                context.Abort();
            else
                await FailAsync(context, StatusErrors.Internal(e.Message));
        }

        if (observed is not null)
            options.RequestObserver!(observed with { StatusCode = context.Response.StatusCode, Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(arrived) });
    }

    private Task ResourceAsync(HttpContext context, RequestTarget target, string verb) => verb switch
    {
        "get" => reads.GetAsync(context, target),
        "list" => reads.ListAsync(context, target),
        "watch" => watches.WatchAsync(context, target),
        "create" => writes.CreateAsync(context, target),
        "update" => writes.UpdateAsync(context, target),
        "patch" => writes.PatchAsync(context, target),
        "delete" => writes.DeleteAsync(context, target),
        "deletecollection" => writes.DeleteCollectionAsync(context, target),
        _ => throw StatusErrors.MethodNotAllowed($"the server does not allow this method on the requested resource"),
    };

    private static string Verb(HttpRequest request, RequestTarget target) => request.Method switch
    {
        "GET" when target.WatchPath || RequestQuery.Flag(request, "watch") => "watch",
        "GET" => target.Name is null ? "list" : "get",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" => target.Name is null ? "deletecollection" : "delete",
        _ => request.Method.ToLowerInvariant(),
    };

    private async Task DiscoveryAsync(HttpContext context, string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        JsonNode? body = segments switch
        {
            ["version"] => DiscoveryDocuments.Version(),
            ["api"] => discovery.CoreVersions(),
            ["api", "v1"] => discovery.ResourceList("", "v1"),
            ["apis"] => discovery.GroupList(),
            ["apis", var group] => discovery.Group(group),
            ["apis", var group, var version] => discovery.ResourceList(group, version),
            ["openapi", "v3"] => openApi.Root(),
            ["openapi", "v3", .. var rest] => openApi.GroupVersion(string.Join('/', rest)),
            _ => null,
        };
        if (body is null)
            throw StatusErrors.NotFoundPath(path);
        if (context.Request.Method != "GET")
            throw StatusErrors.MethodNotAllowed("the server does not allow this method on the requested resource");
        await Responses.WriteJsonAsync(context, 200, body);
    }

    private void Authenticate(HttpRequest request)
    {
        if (options.RequiredBearerToken is not { } token)
            return;
        var header = request.Headers.Authorization.ToString();
        if (header != $"Bearer {token}")
            throw StatusErrors.Unauthorized();
    }

    private static async Task FailAsync(HttpContext context, ApiException error)
    {
        if (context.Response.HasStarted)
            return;
        context.Response.Clear();
        foreach (var (name, value) in error.Headers)
            context.Response.Headers[name] = value;
        await Responses.WriteJsonAsync(context, error.Code, error.Status);
    }
}
