using System.Text.Json.Nodes;
using Kube.Testing.Schema;
using Kube.Testing.Server;

namespace Kube.Testing.Tests.Schema;

/// <summary>Builds CRDs and custom resources for schema tests.</summary>
internal static class SchemaFixture
{
    public static readonly ResourceContext Apps = new("paas.dev", "v1alpha1", "App", "apps", true, null);

    public static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    public static JsonObject Crd(string openApiSchema, string uid = "uid-1", string resourceVersion = "1", bool statusSubresource = true) => Json($$$"""
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"apps.paas.dev","uid":"{{{uid}}}","resourceVersion":"{{{resourceVersion}}}"},
         "spec":{"group":"paas.dev","names":{"kind":"App","plural":"apps"},"scope":"Namespaced",
          "versions":[{"name":"v1alpha1","served":true,"storage":true,
            {{{(statusSubresource ? "\"subresources\":{\"status\":{}}," : "")}}}
            "schema":{"openAPIV3Schema":{{{openApiSchema}}}}}]}}
        """);

    /// <summary>A schema for an App whose spec has the given properties.</summary>
    public static CustomResourceSchema SpecSchema(string specProperties, string specExtras = "")
    {
        const string template = """
            {"type":"object","properties":{"spec":{"type":"object" EXTRAS,"properties":PROPERTIES},"status":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}
            """;
        var crd = Crd(template.Replace(" EXTRAS", specExtras, StringComparison.Ordinal).Replace("PROPERTIES", specProperties, StringComparison.Ordinal));
        return (CustomResourceSchema)new SchemaProvider().For(Apps, crd);
    }

    public static JsonObject App(string spec) => Json("""{"apiVersion":"paas.dev/v1alpha1","kind":"App","metadata":{"name":"a"},"spec":""" + spec + "}");

    public static IEnumerable<string> Messages(this IReadOnlyList<FieldError> errors) => errors.Select(e => $"{e.Field}: {e.Message}");
}
