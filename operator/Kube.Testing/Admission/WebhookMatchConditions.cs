using System.Text.Json.Nodes;
using Kube.Testing.Schema.Cel;

namespace Kube.Testing.Admission;

/// <summary>Evaluates a webhook's <c>matchConditions</c>: CEL expressions over <c>object</c>, <c>oldObject</c> and <c>request</c>, all of which must be true.</summary>
internal static class WebhookMatchConditions
{
    private static readonly string[] Variables = ["object", "oldObject", "request"];

    /// <summary>False when a condition is false; throws <see cref="WebhookCallException"/> when one cannot be compiled or evaluated.</summary>
    public static bool AllMatch(JsonObject definition, JsonObject request)
    {
        var conditions = (definition["matchConditions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (conditions.Count == 0)
        {
            return true;
        }
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["object"] = CelValues.FromJson(request["object"]),
            ["oldObject"] = CelValues.FromJson(request["oldObject"]),
            ["request"] = CelValues.FromJson(request),
        };
        foreach (var condition in conditions)
        {
            var name = (string?)condition["name"] ?? "";
            try
            {
                var result = CelProgram.Compile((string?)condition["expression"] ?? "", Variables).Evaluate(variables);
                if (result is not bool matched)
                {
                    throw new CelException($"expression must return bool, got {CelValues.TypeName(result)}");
                }
                if (!matched)
                {
                    return false;
                }
            }
            catch (CelException error)
            {
                throw new WebhookCallException($"failed to evaluate match condition \"{name}\": {error.Message}", error);
            }
        }
        return true;
    }
}
