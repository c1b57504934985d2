namespace Paas.Platform.Rendering;

/// <summary>Where the platform's maintenance page is served; the chart runs it, the renderers only route to it.</summary>
/// <param name="Name">Service name.</param>
/// <param name="Namespace">Namespace of the Service, usually the operator's.</param>
/// <param name="Port">Service port that serves HTTP.</param>
public sealed record MaintenanceService(string Name = "paas-maintenance", string Namespace = "paas-system", int Port = 80);
