namespace Kube.Testing.Protobuf;

/// <summary>How one protobuf field maps to a JSON field.</summary>
internal enum ProtoKind
{
    String,
    Bytes,
    Int,
    Bool,
    Message,
    Time,
    StringMap,
    BytesMap,
    RepeatedString,
    RepeatedMessage,
}

/// <summary>A field of a known message: its JSON name, kind and, for messages, their descriptor.</summary>
internal sealed record ProtoField(string Name, ProtoKind Kind, ProtoMessage? Message = null);

/// <summary>The fields of one Kubernetes protobuf message, by field number; unknown numbers are skipped.</summary>
internal sealed record ProtoMessage(IReadOnlyDictionary<int, ProtoField> Fields);
