using System.Diagnostics.Metrics;
using Kube.Runtime.Hosting;

namespace Paas.Host.Metrics;

/// <summary>The operator's own instruments on the <c>Paas.Operator</c> meter: whether this replica leads and whether its caches are synced.</summary>
internal sealed class OperatorMetrics : IDisposable
{
    public const string MeterName = "Paas.Operator";

    private readonly Meter meter = new(MeterName);

    public OperatorMetrics(ControllerHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        meter.CreateObservableGauge(
            "paas_operator.leader", () => host.IsActive ? 1 : 0, unit: null, "1 while this replica runs the controllers (holds the leader Lease, or election is off), else 0.");
        meter.CreateObservableGauge(
            "paas_operator.caches_synced", () => host.HasSynced ? 1 : 0, unit: null, "1 once every informer has listed its resources (what /readyz reports), else 0.");
    }

    public void Dispose() => meter.Dispose();
}
