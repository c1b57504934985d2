namespace Paas.Platform.Crds;

// The schema facts the C# type system cannot carry. The CRD generator reads them next to the
// System.Text.Json metadata, so a field's name, type and constraints live in one place.
// Descriptions use System.ComponentModel.DescriptionAttribute and defaults DefaultValueAttribute.

/// <summary>The string must match this ECMA-262 regular expression (OpenAPI <c>pattern</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternAttribute(string regex) : Attribute
{
    public string Regex { get; } = regex;
}

/// <summary>The number must be at least this value (OpenAPI <c>minimum</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinimumAttribute(long value) : Attribute
{
    public long Value { get; } = value;
}

/// <summary>The number must be at most this value (OpenAPI <c>maximum</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaximumAttribute(long value) : Attribute
{
    public long Value { get; } = value;
}

/// <summary>The string must have at least this many characters (OpenAPI <c>minLength</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinLengthAttribute(int value) : Attribute
{
    public int Value { get; } = value;
}

/// <summary>The string may have at most this many characters (OpenAPI <c>maxLength</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxLengthAttribute(int value) : Attribute
{
    public int Value { get; } = value;
}

/// <summary>The list or map may have at most this many entries (<c>maxItems</c> or <c>maxProperties</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxItemsAttribute(int value) : Attribute
{
    public int Value { get; } = value;
}

/// <summary>The string is one of the <c>const string</c> fields of <paramref name="constants"/>, in declaration order (OpenAPI <c>enum</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EnumFromAttribute(Type constants) : Attribute
{
    public Type Constants { get; } = constants;
}

/// <summary>A CEL rule (<c>x-kubernetes-validations</c>) on the object or property it decorates; keep to has, size, comparisons, &amp;&amp;, ||, all/exists/filter, self and oldSelf.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true)]
public sealed class CelAttribute(string rule, string message) : Attribute
{
    public string Rule { get; } = rule;

    public string Message { get; } = message;

    /// <summary>Field the error is reported on, relative to the decorated schema, e.g. <c>.max</c>.</summary>
    public string? FieldPath { get; init; }

    /// <summary>Order among several rules on one element; attributes have no reliable order of their own.</summary>
    public int Order { get; init; }
}

/// <summary>A list whose items merge by these keys under server-side apply (<c>x-kubernetes-list-type: map</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListMapKeysAttribute(params string[] keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = keys;
}
