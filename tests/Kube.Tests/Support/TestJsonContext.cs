using System.Text.Json.Serialization;

namespace Kube.Tests.Support;

/// <summary>Source-generated JSON for the test types, passed to the client as an extra resolver.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(Widget))]
[JsonSerializable(typeof(Gadget))]
public sealed partial class TestJsonContext : JsonSerializerContext;
