namespace Paas.Host.Running;

/// <summary>
/// Serves a few fixed paths with Kestrel alone. Routing and the minimal-API delegate compiler would load megabytes of
/// code (System.Linq.Expressions among it) into an operator whose budget is counted in megabytes, for three endpoints.
/// </summary>
internal static class FixedPathServer
{
    /// <summary>What a path answers: status code, content type and body.</summary>
    public sealed record Answer(int StatusCode, string ContentType, string Body)
    {
        public static Answer Text(string body, int statusCode = StatusCodes.Status200OK) => new(statusCode, "text/plain; charset=utf-8", body);
    }

    /// <summary>
    /// Builds a server on <paramref name="url"/> (e.g. <c>http://127.0.0.1:8081</c>) that answers GET and HEAD on each
    /// path of <paramref name="paths"/>, 404 elsewhere and 405 for other methods; the caller starts it.
    /// </summary>
    public static WebApplication Build(string url, IReadOnlyDictionary<string, Func<Answer>> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.Run(context => AnswerAsync(context, paths));
        return app;
    }

    private static Task AnswerAsync(HttpContext context, IReadOnlyDictionary<string, Func<Answer>> paths)
    {
        var response = context.Response;
        if (!paths.TryGetValue(context.Request.Path.Value ?? "/", out var answer))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return Task.CompletedTask;
        }

        var (statusCode, contentType, body) = answer();
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.WriteAsync(body, context.RequestAborted);
    }
}
