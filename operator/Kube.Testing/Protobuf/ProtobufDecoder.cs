using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Kube.Testing.Protobuf;

/// <summary>Turns a Kubernetes protobuf body (the <c>k8s\0</c> envelope around runtime.Unknown) of a known kind into JSON.</summary>
internal static class ProtobufDecoder
{
    private static readonly byte[] Magic = [0x6b, 0x38, 0x73, 0x00];

    /// <summary>The object as JSON, or null when the kind is not one this server knows how to decode.</summary>
    public static JsonObject? Decode(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
            throw new FormatException("a Kubernetes protobuf body starts with k8s\\0");
        var reader = new ProtoReader(body[Magic.Length..]);
        string apiVersion = "", kind = "";
        ReadOnlySpan<byte> raw = default;
        while (!reader.AtEnd)
        {
            var (field, wireType) = reader.ReadTag();
            if (field == 1 && wireType == 2)
                (apiVersion, kind) = ReadTypeMeta(reader.ReadBytes());
            else if (field == 2 && wireType == 2)
                raw = reader.ReadBytes();
            else
                reader.Skip(wireType);
        }
        if (!KnownMessages.ByKind.TryGetValue($"{apiVersion}/{kind}", out var message))
            return null;
        var obj = ReadMessage(raw, message);
        obj["apiVersion"] = apiVersion;
        obj["kind"] = kind;
        return obj;
    }

    private static (string ApiVersion, string Kind) ReadTypeMeta(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        string apiVersion = "", kind = "";
        while (!reader.AtEnd)
        {
            var (field, wireType) = reader.ReadTag();
            if (field == 1 && wireType == 2)
                apiVersion = Encoding.UTF8.GetString(reader.ReadBytes());
            else if (field == 2 && wireType == 2)
                kind = Encoding.UTF8.GetString(reader.ReadBytes());
            else
                reader.Skip(wireType);
        }
        return (apiVersion, kind);
    }

    private static JsonObject ReadMessage(ReadOnlySpan<byte> data, ProtoMessage message)
    {
        var obj = new JsonObject();
        var reader = new ProtoReader(data);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (!message.Fields.TryGetValue(number, out var field))
            {
                reader.Skip(wireType);
                continue;
            }
            switch (field.Kind)
            {
                case ProtoKind.String:
                    obj[field.Name] = Encoding.UTF8.GetString(reader.ReadBytes());
                    break;
                case ProtoKind.Bytes:
                    obj[field.Name] = Convert.ToBase64String(reader.ReadBytes());
                    break;
                case ProtoKind.Int:
                    obj[field.Name] = (long)reader.ReadVarint();
                    break;
                case ProtoKind.Bool:
                    obj[field.Name] = reader.ReadVarint() != 0;
                    break;
                case ProtoKind.Message:
                    obj[field.Name] = ReadMessage(reader.ReadBytes(), field.Message!);
                    break;
                case ProtoKind.Time:
                    var seconds = ReadTimeSeconds(reader.ReadBytes());
                    if (seconds != 0)
                        obj[field.Name] = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                    break;
                case ProtoKind.StringMap:
                case ProtoKind.BytesMap:
                    var (key, value) = ReadMapEntry(reader.ReadBytes(), field.Kind == ProtoKind.BytesMap);
                    if (obj[field.Name] is not JsonObject map)
                        obj[field.Name] = map = [];
                    map[key] = value;
                    break;
                case ProtoKind.RepeatedString:
                    Append(obj, field.Name, Encoding.UTF8.GetString(reader.ReadBytes()));
                    break;
                case ProtoKind.RepeatedMessage:
                    Append(obj, field.Name, ReadMessage(reader.ReadBytes(), field.Message!));
                    break;
            }
        }
        return obj;
    }

    private static void Append(JsonObject obj, string name, JsonNode item)
    {
        if (obj[name] is not JsonArray list)
            obj[name] = list = [];
        list.Add(item);
    }

    private static (string Key, string Value) ReadMapEntry(ReadOnlySpan<byte> data, bool bytesValue)
    {
        var reader = new ProtoReader(data);
        string key = "", value = "";
        while (!reader.AtEnd)
        {
            var (field, wireType) = reader.ReadTag();
            if (field == 1 && wireType == 2)
                key = Encoding.UTF8.GetString(reader.ReadBytes());
            else if (field == 2 && wireType == 2)
                value = bytesValue ? Convert.ToBase64String(reader.ReadBytes()) : Encoding.UTF8.GetString(reader.ReadBytes());
            else
                reader.Skip(wireType);
        }
        return (key, value);
    }

    private static long ReadTimeSeconds(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        long seconds = 0;
        while (!reader.AtEnd)
        {
            var (field, wireType) = reader.ReadTag();
            if (field == 1 && wireType == 0)
                seconds = (long)reader.ReadVarint();
            else
                reader.Skip(wireType);
        }
        return seconds;
    }
}
