namespace Kube.Testing.Protobuf;

/// <summary>
/// The few built-in kinds whose protobuf bodies this server decodes, because <c>kubectl create namespace|configmap|secret|serviceaccount</c>
/// sends them as protobuf. Field numbers follow k8s.io/api's generated.proto files.
/// </summary>
internal static class KnownMessages
{
    private static readonly ProtoMessage OwnerReference = new(new Dictionary<int, ProtoField>
    {
        [1] = new("kind", ProtoKind.String),
        [3] = new("name", ProtoKind.String),
        [4] = new("uid", ProtoKind.String),
        [5] = new("apiVersion", ProtoKind.String),
        [6] = new("controller", ProtoKind.Bool),
        [7] = new("blockOwnerDeletion", ProtoKind.Bool),
    });

    private static readonly ProtoMessage ObjectMeta = new(new Dictionary<int, ProtoField>
    {
        [1] = new("name", ProtoKind.String),
        [2] = new("generateName", ProtoKind.String),
        [3] = new("namespace", ProtoKind.String),
        [5] = new("uid", ProtoKind.String),
        [6] = new("resourceVersion", ProtoKind.String),
        [7] = new("generation", ProtoKind.Int),
        [8] = new("creationTimestamp", ProtoKind.Time),
        [11] = new("labels", ProtoKind.StringMap),
        [12] = new("annotations", ProtoKind.StringMap),
        [13] = new("ownerReferences", ProtoKind.RepeatedMessage, OwnerReference),
        [14] = new("finalizers", ProtoKind.RepeatedString),
    });

    private static readonly ProtoMessage LocalObjectReference = new(new Dictionary<int, ProtoField> { [1] = new("name", ProtoKind.String) });

    /// <summary>Message descriptors by <c>apiVersion/kind</c>.</summary>
    public static IReadOnlyDictionary<string, ProtoMessage> ByKind { get; } = new Dictionary<string, ProtoMessage>(StringComparer.Ordinal)
    {
        ["v1/Namespace"] = new(new Dictionary<int, ProtoField>
        {
            [1] = new("metadata", ProtoKind.Message, ObjectMeta),
            [2] = new("spec", ProtoKind.Message, new ProtoMessage(new Dictionary<int, ProtoField> { [1] = new("finalizers", ProtoKind.RepeatedString) })),
        }),
        ["v1/ConfigMap"] = new(new Dictionary<int, ProtoField>
        {
            [1] = new("metadata", ProtoKind.Message, ObjectMeta),
            [2] = new("data", ProtoKind.StringMap),
            [3] = new("binaryData", ProtoKind.BytesMap),
            [4] = new("immutable", ProtoKind.Bool),
        }),
        ["v1/Secret"] = new(new Dictionary<int, ProtoField>
        {
            [1] = new("metadata", ProtoKind.Message, ObjectMeta),
            [2] = new("data", ProtoKind.BytesMap),
            [3] = new("type", ProtoKind.String),
            [4] = new("stringData", ProtoKind.StringMap),
            [5] = new("immutable", ProtoKind.Bool),
        }),
        ["v1/ServiceAccount"] = new(new Dictionary<int, ProtoField>
        {
            [1] = new("metadata", ProtoKind.Message, ObjectMeta),
            [3] = new("imagePullSecrets", ProtoKind.RepeatedMessage, LocalObjectReference),
            [4] = new("automountServiceAccountToken", ProtoKind.Bool),
        }),
    };
}
