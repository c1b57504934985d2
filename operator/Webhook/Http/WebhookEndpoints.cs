using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Paas.Webhook.Admission;
using Paas.Webhook.Lookup;

namespace Paas.Webhook.Http;

/// <summary>Maps the paas.dev admission endpoints, <c>POST /validate</c> and <c>POST /mutate</c>, onto a web application.</summary>
public static class WebhookEndpoints
{
    public const string ValidatePath = "/validate";

    public const string MutatePath = "/mutate";

    /// <summary>Default body limit: an UPDATE carries the object and the stored one, each up to etcd's 1.5 MiB, in JSON.</summary>
    public const long DefaultMaxRequestBodyBytes = 6 * 1024 * 1024;

    /// <summary>Maps both endpoints with the platform settings and body limit of <paramref name="options"/>.</summary>
    public static IEndpointRouteBuilder MapPaasWebhooks(this IEndpointRouteBuilder endpoints, WebhookOptions options, IPaasObjectReader reader)
    {
        ArgumentNullException.ThrowIfNull(options);
        return endpoints.MapPaasWebhooks(new PaasAdmission(options.Platform, reader), options.MaxRequestBodyBytes);
    }

    /// <summary>
    /// Maps both endpoints. Bad bodies get a 400 (413 when too large) with a plain-text reason; an exception while
    /// answering becomes a denial, never an admission.
    /// </summary>
    public static IEndpointRouteBuilder MapPaasWebhooks(this IEndpointRouteBuilder endpoints, PaasAdmission admission, long maxRequestBodyBytes = DefaultMaxRequestBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(admission);
        var logger = endpoints.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(WebhookEndpoints).FullName!) ?? NullLogger.Instance;
        endpoints.MapPost(ValidatePath, context => AnswerAsync(context, admission.ValidateAsync, maxRequestBodyBytes, logger));
        endpoints.MapPost(MutatePath, context => AnswerAsync(context, admission.MutateAsync, maxRequestBodyBytes, logger));
        return endpoints;
    }

    private static async Task AnswerAsync(
        HttpContext context, Func<AdmissionRequest, CancellationToken, Task<AdmissionResponse>> answer, long limit, ILogger logger)
    {
        var cancellationToken = context.RequestAborted;
        var body = await LimitedBody.ReadAsync(context.Request.Body, context.Request.ContentLength, limit, cancellationToken);
        if (body is not { } bytes)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"the request body is larger than the webhook's limit of {limit.ToString(CultureInfo.InvariantCulture)} bytes", logger);
            return;
        }

        var read = AdmissionReviewReader.Read(bytes.Span);
        if (read.Request is not { } request)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, read.Problem!, logger);
            return;
        }

        AdmissionResponse response;
        try
        {
            response = await answer(request, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(error, "Denied {Operation} of {Kind} {Namespace}/{Name} because the webhook failed", request.Operation, request.Kind?.Kind, request.Namespace, request.Name);
            response = AdmissionAnswers.Failed(request.Uid!, $"{request.Kind?.Kind} \"{request.Name}\"", error);
        }

        if (!response.Allowed)
        {
            logger.LogInformation("Denied {Operation} of {Kind} {Namespace}/{Name}: {Message}", request.Operation, request.Kind?.Kind, request.Namespace, request.Name, response.Status?.Message);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, AdmissionReview.Answer(response), WebhookJsonContext.Default.AdmissionReview, cancellationToken);
    }

    private static async Task RefuseAsync(HttpContext context, int statusCode, string message, ILogger logger)
    {
        logger.LogWarning("Refused a request to {Path} with {StatusCode}: {Message}", context.Request.Path, statusCode, message);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }
}
