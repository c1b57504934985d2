using System.Text.Json.Nodes;
using Kube.Testing.Schema.Cel;
using Kube.Testing.Server;

namespace Kube.Testing.Schema;

/// <summary>Evaluates a schema node's <c>x-kubernetes-validations</c> rules; transition rules only when an old value is correlated.</summary>
internal sealed class RuleValidator(List<FieldError> errors)
{
    public void Check(SchemaNode schema, JsonNode? value, JsonNode? old, bool hasOld, string path)
    {
        if (schema.Rules.Count == 0 || value is null)
        {
            return;
        }
        var self = CelValues.FromJson(value);
        var oldSelf = hasOld ? CelValues.FromJson(old) : null;
        var typeName = schema.Type ?? TypeName(value);
        foreach (var rule in schema.Rules)
        {
            if (rule.Rule.UsesOldSelf && !hasOld)
            {
                continue;
            }
            var field = rule.FieldPath is null ? path : SchemaPath.Append(path, rule.FieldPath);
            try
            {
                if (rule.Rule.Evaluate(self, oldSelf) is not bool passed)
                {
                    errors.Add(FieldErrors.InvalidValue(path, typeName, $"rule did not evaluate to a bool: {rule.Rule.Text}"));
                }
                else if (!passed)
                {
                    errors.Add(FieldErrors.ForReason(rule.Reason, field, typeName, MessageOf(rule, self, oldSelf)));
                }
            }
            catch (CelException error)
            {
                errors.Add(FieldErrors.InvalidValue(path, typeName, $"{error.Message} evaluating rule: {rule.Rule.Text}"));
            }
        }
    }

    private static string MessageOf(ValidationRule rule, object? self, object? oldSelf)
    {
        if (rule.MessageExpression is not null)
        {
            try
            {
                if (rule.MessageExpression.Evaluate(self, oldSelf) is string { Length: > 0 } message)
                {
                    return message;
                }
            }
            catch (CelException)
            {
                // Kubernetes falls back to the static message when messageExpression fails.
            }
        }
        return string.IsNullOrEmpty(rule.Message) ? $"failed rule: {rule.Rule.Text}" : rule.Message;
    }

    private static string TypeName(JsonNode value) => value switch
    {
        JsonObject => "object",
        JsonArray => "array",
        _ => value.GetValueKind().ToString().ToLowerInvariant(),
    };
}
