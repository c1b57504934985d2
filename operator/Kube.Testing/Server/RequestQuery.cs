using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Testing.Lifecycle;
using Kube.Testing.Selectors;
using Kube.Testing.Storage;
using Microsoft.AspNetCore.Http;

namespace Kube.Testing.Server;

/// <summary>Reads the query parameters of list, watch and write requests, rejecting malformed ones as Kubernetes does.</summary>
internal static class RequestQuery
{
    public static string? Get(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    public static bool Flag(HttpRequest request, string name) => Get(request, name) is "true" or "1" or "True";

    public static WatchFilter Filter(HttpRequest request, string? @namespace)
    {
        var labelText = Get(request, "labelSelector");
        var (labels, labelError) = LabelSelectorParser.Parse(labelText);
        if (labels is null)
            throw StatusErrors.BadRequest($"unable to parse labelSelector \"{labelText}\": {labelError}");
        var fieldText = Get(request, "fieldSelector");
        var (fields, fieldError) = FieldSelector.Parse(fieldText);
        if (fields is null)
            throw StatusErrors.BadRequest($"unable to parse fieldSelector \"{fieldText}\": {fieldError}");
        return new WatchFilter(@namespace, labels, fields);
    }

    public static int Limit(HttpRequest request)
    {
        var text = Get(request, "limit");
        if (string.IsNullOrEmpty(text))
            return 0;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
            ? limit
            : throw StatusErrors.BadRequest($"invalid limit \"{text}\": must be a non-negative integer");
    }

    /// <summary>The continue token is opaque to clients: base64 of the last key returned.</summary>
    public static string EncodeContinue(string lastKey, long resourceVersion) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["rv"] = resourceVersion, ["start"] = lastKey }));

    public static string? DecodeContinue(HttpRequest request)
    {
        var token = Get(request, "continue");
        if (string.IsNullOrEmpty(token))
            return null;
        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)))?["start"]?.GetValue<string>()
                ?? throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            throw StatusErrors.BadRequest($"continue key is not valid: {token}");
        }
    }

    /// <summary>Null means "start from now with the current state"; "" and "0" mean the same.</summary>
    public static long? ResourceVersion(HttpRequest request)
    {
        var text = Get(request, "resourceVersion");
        if (string.IsNullOrEmpty(text) || text == "0")
            return null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rv)
            ? rv
            : throw StatusErrors.BadRequest($"invalid resource version \"{text}\": must be a decimal number");
    }

    public static WriteOptions WriteOptions(HttpRequest request, bool fieldManagerRequired = false)
    {
        var dryRun = request.Query["dryRun"].Where(v => !string.IsNullOrEmpty(v)).ToList();
        if (dryRun.Any(v => v != "All"))
            throw StatusErrors.BadRequest($"Invalid dryRun value \"{string.Join(",", dryRun)}\": supported values: \"All\"");
        var validation = Get(request, "fieldValidation");
        if (!string.IsNullOrEmpty(validation) && validation is not ("Strict" or "Warn" or "Ignore"))
            throw StatusErrors.BadRequest($"fieldValidation must be one of \"Ignore\", \"Warn\", or \"Strict\", got \"{validation}\"");
        var manager = Get(request, "fieldManager");
        if (string.IsNullOrEmpty(manager))
        {
            if (fieldManagerRequired)
                throw StatusErrors.BadRequest("PATCH, application/apply-patch+yaml requests must include fieldManager query param (fieldManager is required for apply requests)");
            manager = ManagerFromUserAgent(request.Headers.UserAgent.ToString());
        }
        var force = Get(request, "force");
        if (force is "true" && !fieldManagerRequired)
            throw StatusErrors.BadRequest("force is only allowed for apply requests (application/apply-patch+yaml)");
        var fieldValidation = validation switch
        {
            "Strict" => FieldValidation.Strict,
            "Ignore" => FieldValidation.Ignore,
            _ => FieldValidation.Warn,
        };
        return new WriteOptions(manager, dryRun.Count > 0, force is "true", Propagation(Get(request, "propagationPolicy")), fieldValidation);
    }

    public static PropagationPolicy? Propagation(string? text) => text switch
    {
        null or "" => null,
        "Background" => PropagationPolicy.Background,
        "Foreground" => PropagationPolicy.Foreground,
        "Orphan" => PropagationPolicy.Orphan,
        _ => throw StatusErrors.BadRequest($"propagationPolicy must be one of Background, Foreground or Orphan, got \"{text}\""),
    };

    /// <summary>Kubernetes names an unnamed writer after its user agent's product, e.g. <c>kubectl</c>.</summary>
    private static string ManagerFromUserAgent(string userAgent)
    {
        var product = userAgent.Split('/')[0].Trim();
        if (product.Length == 0)
            product = "unknown";
        return product.Length > 128 ? product[..128] : product;
    }
}
