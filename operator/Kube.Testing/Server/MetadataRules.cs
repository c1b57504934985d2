using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kube.Testing.Resources;

namespace Kube.Testing.Server;

/// <summary>The object-metadata validation every resource gets: name format and label syntax.</summary>
internal static partial class MetadataRules
{
    public static IEnumerable<FieldError> Validate(ResourceDefinition resource, JsonObject obj)
    {
        var metadata = obj["metadata"] as JsonObject;
        var name = metadata?["name"]?.ToString() ?? "";
        if (name.Length == 0)
        {
            yield return new FieldError("metadata.name", "FieldValueRequired", "Required value: name or generateName is required");
        }
        else if (resource.Key == BuiltInResources.Namespaces || resource.Key.Plural == "services")
        {
            if (name.Length > 63 || !LabelPattern().IsMatch(name))
                yield return new FieldError("metadata.name", "FieldValueInvalid",
                    $"Invalid value: \"{name}\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
        }
        else if (name.Length > 253 || !SubdomainPattern().IsMatch(name))
        {
            yield return new FieldError("metadata.name", "FieldValueInvalid",
                $"Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        }
        if (metadata?["labels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                if (text is null || (text.Length > 0 && (text.Length > 63 || !LabelValuePattern().IsMatch(text))))
                    yield return new FieldError($"metadata.labels", "FieldValueInvalid",
                        $"Invalid value: \"{value?.ToJsonString()}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex SubdomainPattern();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex LabelValuePattern();
}
