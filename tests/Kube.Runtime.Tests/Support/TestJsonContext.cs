using System.Text.Json.Serialization;

namespace Kube.Runtime.Tests.Support;

/// <summary>Source-generated JSON for the test types, handed to the real client as an extra resolver.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConfigMap))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
