using System.Text.Json.Nodes;
using Paas.Platform;

namespace Paas.Webhook.Defaulting;

/// <summary>
/// The defaults api.md gives that the CRD schemas cannot, because the chart sets them: an App's stack and a process type's
/// dyno size. They are written into the object, as Heroku records an app's stack at creation, so that a later change of
/// the platform default does not move running Apps. On update a value the object already had is kept when the new
/// object omits it (a GitOps manifest that never named one), rather than re-defaulted.
/// Defaults the CRD schema declares (maintenance: false, targetCPUUtilization: 80) are left to the API server.
/// </summary>
public sealed class PaasDefaults(PlatformSettings settings)
{
    /// <summary>The operations that fill the defaults into <paramref name="obj"/>; empty when nothing is missing.</summary>
    public IReadOnlyList<JsonPatchOperation> For(string kind, JsonObject obj, JsonObject? old) => kind switch
    {
        "App" => AppDefaults(obj, old),
        "Formation" => FormationDefaults(obj, old),
        _ => [],
    };

    private List<JsonPatchOperation> AppDefaults(JsonObject app, JsonObject? old)
    {
        if (app["spec"] is JsonObject spec && Text(spec["stack"]) is not null)
        {
            return [];
        }

        var stack = Text(old?["spec"]?["stack"]) ?? settings.DefaultStack;
        return app["spec"] is JsonObject
            ? [new("add", "/spec/stack", stack)]
            : [new("add", "/spec", new JsonObject { ["stack"] = stack })];
    }

    private List<JsonPatchOperation> FormationDefaults(JsonObject formation, JsonObject? old)
    {
        if (formation["spec"]?["processes"] is not JsonObject processes)
        {
            return [];
        }

        var operations = new List<JsonPatchOperation>();
        foreach (var (type, process) in processes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var path = $"/spec/processes/{JsonPatchOperation.Escape(type)}";
            var size = Text(old?["spec"]?["processes"]?[type]?["size"]) ?? settings.DefaultDynoSize;
            if (process is JsonObject fields)
            {
                if (Text(fields["size"]) is null)
                {
                    operations.Add(new("add", path + "/size", size));
                }
            }
            else if (process is null)
            {
                operations.Add(new("replace", path, new JsonObject { ["size"] = size }));
            }
        }

        return operations;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
