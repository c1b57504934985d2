using System.Globalization;
using System.Text;

namespace Kube.Client;

/// <summary>Appends escaped query parameters to a path, skipping those without a value.</summary>
internal sealed class QueryString(string path)
{
    private readonly StringBuilder _builder = new(path);
    private bool _first = !path.Contains('?', StringComparison.Ordinal);

    public QueryString Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _builder.Append(_first ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        _first = false;
        return this;
    }

    public QueryString Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryString Add(string name, bool value) => value ? Add(name, "true") : this;

    public override string ToString() => _builder.ToString();
}
