using System.Text.Json.Nodes;

namespace Kube.Testing.Tests.Support;

/// <summary>Small object builders for tests.</summary>
public static class Objects
{
    public static JsonObject ConfigMap(string name, Dictionary<string, string>? labels = null, Dictionary<string, string>? data = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (labels is not null)
            metadata["labels"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = metadata,
            ["data"] = new JsonObject((data ?? new() { ["k"] = "v" }).Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))),
        };
    }

    public static JsonObject Deployment(string name, int replicas = 1) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                ["spec"] = new JsonObject
                {
                    ["containers"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = "nginx:1.27" }),
                },
            },
        },
    };

    public static string Rv(JsonObject obj) => obj["metadata"]!["resourceVersion"]!.GetValue<string>();
}
