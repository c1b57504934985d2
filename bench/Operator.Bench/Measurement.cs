using System.Globalization;

namespace Paas.Bench;

/// <summary>One measured figure: what, how much, in which unit, and under which conditions.</summary>
internal sealed record Measurement(string Benchmark, string Figure, double Value, string Unit, string Conditions)
{
    public string FormattedValue => Value.ToString(Value >= 100 ? "N0" : "N2", CultureInfo.InvariantCulture);
}
