using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Testing.Apply;
using Kube.Testing.Server;

namespace Kube.Testing.Tests.Apply;

/// <summary>Shorthands for driving the field manager the way the server's write path does.</summary>
internal static class ApplyFixture
{
    public static readonly ResourceContext Deployments = new("apps", "v1", "Deployment", "deployments", true, null);
    public static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    public static JsonObject Deployment(string spec) => Json($$"""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},"spec":{{spec}}}
        """);

    public static StubSchema ContainersSchema()
    {
        var schema = new StubSchema();
        schema.MapKeys["spec.template.spec.containers"] = ["name"];
        schema.MapKeys["spec.template.spec.containers.ports"] = ["containerPort", "protocol"];
        return schema;
    }

    public static JsonObject MustApply(this FieldManager manager, IResourceSchema schema, JsonObject? live, JsonObject applied, string name, bool force = false, ResourceContext? resource = null)
    {
        var result = manager.Apply(resource ?? Deployments, schema, live, applied, name, force, Now);
        result.Conflicts.Should().BeEmpty();
        return result.Object!;
    }

    public static JsonObject? Entry(JsonObject obj, string manager, string operation) =>
        (obj["metadata"]?["managedFields"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(e => (string?)e["manager"] == manager && (string?)e["operation"] == operation);

    public static string? FieldsOf(JsonObject obj, string manager, string operation) => Entry(obj, manager, operation)?["fieldsV1"]?.ToJsonString(Readable);

    // Keys inside k: elements carry quotes; print them as \" the way Kubernetes does rather than \u0022.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
