using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Testing.Server;

namespace Kube.Testing.Schema;

/// <summary>Builds field errors worded like apimachinery's <c>field.Error</c>: <c>Invalid value: "x": detail</c>, <c>Required value</c>, ...</summary>
internal static class FieldErrors
{
    public const string Invalid = "FieldValueInvalid";
    public const string TypeInvalid = "FieldValueTypeInvalid";
    public const string Required = "FieldValueRequired";
    public const string NotSupported = "FieldValueNotSupported";
    public const string TooLong = "FieldValueTooLong";
    public const string TooMany = "FieldValueTooMany";
    public const string Duplicate = "FieldValueDuplicate";
    public const string Forbidden = "FieldValueForbidden";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static FieldError InvalidValue(string field, object? value, string detail) =>
        new(field, Invalid, $"Invalid value: {Show(value)}: {detail}");

    public static FieldError InvalidType(string field, string actualType, string detail) =>
        new(field, TypeInvalid, $"Invalid value: {Show(actualType)}: {detail}");

    public static FieldError RequiredValue(string field, string? detail = null) =>
        new(field, Required, detail is null ? "Required value" : $"Required value: {detail}");

    public static FieldError Unsupported(string field, object? value, IEnumerable<string> supported) =>
        new(field, NotSupported, $"Unsupported value: {Show(value)}: supported values: {string.Join(", ", supported.Select(Quote))}");

    public static FieldError TooLongValue(string field, long max) =>
        new(field, TooLong, $"Too long: may not be more than {max} {(max == 1 ? "byte" : "bytes")}");

    public static FieldError TooManyItems(string field, long actual, long max) =>
        new(field, TooMany, $"Too many: {actual}: must have at most {max} {(max == 1 ? "item" : "items")}");

    public static FieldError DuplicateValue(string field, object? value) =>
        new(field, Duplicate, $"Duplicate value: {Show(value)}");

    /// <summary>An error of the reason a validation rule names, with the rule's message as detail.</summary>
    public static FieldError ForReason(string reason, string field, string typeName, string message) => reason switch
    {
        Forbidden => new(field, Forbidden, $"Forbidden: {message}"),
        Required => new(field, Required, $"Required value: {message}"),
        Duplicate => new(field, Duplicate, $"Duplicate value: {Show(typeName)}: {message}"),
        _ => new(field, Invalid, $"Invalid value: {Show(typeName)}: {message}"),
    };

    /// <summary>Prints a bad value as Go's <c>%q</c>/<c>%v</c> would: strings quoted, numbers and booleans bare, the rest as JSON.</summary>
    public static string Show(object? value) => value switch
    {
        string s => Quote(s),
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => Number(d),
        bool b => b ? "true" : "false",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Quote(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonNumber.TryAsLong(v, out var l) ? l.ToString(CultureInfo.InvariantCulture) : Number(JsonNumber.AsDouble(v)),
        JsonNode node => node.ToJsonString(Compact),
        null => "null",
        _ => Quote(value.ToString() ?? ""),
    };

    public static string Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e21 ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);

    public static string Quote(string value) => JsonSerializer.Serialize(value, Compact);
}
