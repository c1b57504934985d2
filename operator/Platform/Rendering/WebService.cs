using Kube.Models;
using Paas.Platform.Procfiles;

namespace Paas.Platform.Rendering;

/// <summary>The Services in front of web dynos: <c>&lt;app&gt;-web</c>, and during maintenance <c>&lt;app&gt;-maintenance</c>.</summary>
public static class WebService
{
    /// <summary>The port the Service exposes; ingress controllers and other apps speak plain HTTP to it.</summary>
    public const int Port = 80;

    /// <summary>ClusterIP Service port 80 to the web container port, selecting web dynos of every release.</summary>
    public static Service Render(RenderInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var app = input.AppName;
        return new Service
        {
            Metadata = ObjectMetadata.For(input, ProcessTypeNames.ObjectName(app, ProcessTypes.Web), WorkloadLabels.Stable(app, ProcessTypes.Web)),
            Spec = new ServiceSpec
            {
                Type = "ClusterIP",
                Selector = WorkloadLabels.Selector(app, ProcessTypes.Web),
                Ports = [new ServicePort { Name = DynoPod.WebPortName, Port = Port, TargetPort = IntOrString.Of(DynoPod.WebPortName), Protocol = "TCP" }],
            },
        };
    }

    /// <summary>The name of the Service the Ingress uses while the App is in maintenance mode.</summary>
    public static string MaintenanceName(string app) => $"{app}-maintenance";

    /// <summary>
    /// An ExternalName alias of the platform's maintenance Service. An Ingress may only name Services in its own
    /// namespace, so each App in maintenance gets this alias; whether the ingress controller follows ExternalName
    /// Services (ingress-nginx does) is a property of the chart's choice of controller.
    /// </summary>
    public static Service RenderMaintenance(RenderInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var app = input.AppName;
        var maintenance = input.Settings.Rendering.Maintenance;
        return new Service
        {
            Metadata = ObjectMetadata.For(input, MaintenanceName(app), WorkloadLabels.Stable(app, ProcessTypes.Web)),
            Spec = new ServiceSpec
            {
                Type = "ExternalName",
                ExternalName = $"{maintenance.Name}.{maintenance.Namespace}.svc.{input.Settings.Rendering.ClusterDomain}",
                Ports = [new ServicePort { Name = DynoPod.WebPortName, Port = maintenance.Port, Protocol = "TCP" }],
            },
        };
    }
}
