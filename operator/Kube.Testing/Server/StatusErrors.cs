using System.Text.Json.Nodes;
using Kube.Testing.Apply;
using Kube.Testing.Resources;

namespace Kube.Testing.Server;

/// <summary>The Status bodies Kubernetes returns, with its exact reasons and message wording.</summary>
internal static class StatusErrors
{
    public static ApiException NotFound(ResourceDefinition resource, string name) =>
        Failure(404, "NotFound", $"{resource.QualifiedPlural} \"{name}\" not found", Details(resource, name));

    public static ApiException NamespaceNotFound(string @namespace) =>
        Failure(404, "NotFound", $"namespaces \"{@namespace}\" not found", new JsonObject { ["name"] = @namespace, ["kind"] = "namespaces" });

    public static ApiException NotFoundPath(string path) =>
        Failure(404, "NotFound", "the server could not find the requested resource", new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["reason"] = "UnexpectedServerResponse", ["message"] = $"404 page not found: {path}" }) });

    public static ApiException AlreadyExists(ResourceDefinition resource, string name) =>
        Failure(409, "AlreadyExists", $"{resource.QualifiedPlural} \"{name}\" already exists", Details(resource, name));

    public static ApiException Conflict(ResourceDefinition resource, string name) =>
        Failure(409, "Conflict",
            $"Operation cannot be fulfilled on {resource.QualifiedPlural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            Details(resource, name));

    public static ApiException PreconditionFailed(ResourceDefinition resource, string name, string why) =>
        Failure(409, "Conflict", $"Operation cannot be fulfilled on {resource.QualifiedPlural} \"{name}\": {why}", Details(resource, name));

    public static ApiException ApplyConflict(ResourceDefinition resource, string name, IReadOnlyList<FieldConflict> conflicts)
    {
        var details = Details(resource, name);
        details["causes"] = new JsonArray([.. conflicts.Select(c => (JsonNode)new JsonObject
        {
            ["reason"] = "FieldManagerConflict",
            ["message"] = c.Description,
            ["field"] = c.Field,
        })]);
        return Failure(409, "Conflict", FieldConflictMessage.Format(conflicts), details);
    }

    public static ApiException Invalid(ResourceDefinition resource, string name, IReadOnlyList<FieldError> errors)
    {
        var parts = errors.Select(e => $"{e.Field}: {e.Message}").ToList();
        var summary = parts.Count == 1 ? parts[0] : $"[{string.Join(", ", parts)}]";
        var details = new JsonObject { ["name"] = name, ["group"] = resource.Group, ["kind"] = resource.Kind };
        details["causes"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject
        {
            ["reason"] = e.Reason,
            ["message"] = e.Message,
            ["field"] = e.Field,
        })]);
        return Failure(422, "Invalid", $"{resource.QualifiedKind} \"{name}\" is invalid: {summary}", details);
    }

    public static ApiException BadRequest(string message) => Failure(400, "BadRequest", message, null);

    public static ApiException Forbidden(ResourceDefinition resource, string name, string why) =>
        Failure(403, "Forbidden", $"{resource.QualifiedPlural} \"{name}\" is forbidden: {why}", Details(resource, name));

    public static ApiException MethodNotAllowed(string message) => Failure(405, "MethodNotAllowed", message, null);

    public static ApiException UnsupportedMediaType(string contentType) =>
        Failure(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json; got \"{contentType}\"", null);

    public static ApiException UnsupportedBodyFormat(string contentType) =>
        Failure(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml; got \"{contentType}\" (this test API server decodes protobuf only for Namespace, ConfigMap, Secret and ServiceAccount, and never CBOR; send JSON)", null);

    public static ApiException Gone(long requested, long oldest) =>
        Failure(410, "Expired", $"too old resource version: {requested} ({oldest})", null);

    public static ApiException Unauthorized() => Failure(401, "Unauthorized", "Unauthorized", null);

    public static ApiException TooManyRequests(int retryAfterSeconds)
    {
        var error = Failure(429, "TooManyRequests", "Too many requests, please try again later.",
            new JsonObject { ["retryAfterSeconds"] = retryAfterSeconds });
        return new ApiException(error.Status) { Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
    }

    public static ApiException ServerError(int code) => code == 503
        ? Failure(503, "ServiceUnavailable", "the server is currently unable to handle the request (injected fault)", null)
        : Failure(code, "InternalError", "Internal error occurred: injected fault", null);

    /// <summary>An unexpected failure, worded like kube-apiserver's <c>NewInternalError</c>.</summary>
    public static ApiException Internal(string message) =>
        Failure(500, "InternalError", $"Internal error occurred: {message}",
            new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = message }) });

    public static ApiException AdmissionDenied(int code, string message) =>
        Failure(code, code == 403 ? "Forbidden" : code == 422 ? "Invalid" : code == 400 ? "BadRequest" : "InternalError", message, null);

    public static JsonObject Success(ResourceDefinition resource, string name, string uid)
    {
        var details = Details(resource, name);
        details["uid"] = uid;
        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    private static JsonObject Details(ResourceDefinition resource, string name)
    {
        var details = new JsonObject { ["name"] = name };
        if (resource.Group.Length > 0)
            details["group"] = resource.Group;
        details["kind"] = resource.Plural;
        return details;
    }

    private static ApiException Failure(int code, string reason, string message, JsonObject? details)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
            status["details"] = details;
        status["code"] = code;
        return new ApiException(status);
    }
}
