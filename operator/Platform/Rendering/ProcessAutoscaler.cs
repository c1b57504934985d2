using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Procfiles;

namespace Paas.Platform.Rendering;

/// <summary>The HorizontalPodAutoscaler that owns a process type's replicas when its Formation entry autoscales.</summary>
public static class ProcessAutoscaler
{
    /// <summary>Used when <c>autoscale.targetCPUUtilization</c> is omitted, as the CRD's default says.</summary>
    public const int DefaultTargetCpuUtilization = 80;

    public static HorizontalPodAutoscaler Render(RenderInput input, string processType, Autoscale autoscale)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(autoscale);
        var app = input.AppName;
        var name = ProcessTypeNames.ObjectName(app, processType);
        return new HorizontalPodAutoscaler
        {
            Metadata = ObjectMetadata.For(input, name, WorkloadLabels.Stable(app, ProcessTypeNames.ToKubernetesName(processType))),
            Spec = new HorizontalPodAutoscalerSpec
            {
                ScaleTargetRef = new CrossVersionObjectReference { ApiVersion = Deployment.Resource.ApiVersion, Kind = Deployment.Resource.Kind, Name = name },
                MinReplicas = autoscale.Min,
                MaxReplicas = autoscale.Max,
                Metrics =
                [
                    new MetricSpec
                    {
                        Type = "Resource",
                        Resource = new ResourceMetricSource
                        {
                            Name = "cpu",
                            Target = new MetricTarget { Type = "Utilization", AverageUtilization = autoscale.TargetCPUUtilization ?? DefaultTargetCpuUtilization },
                        },
                    },
                ],
            },
        };
    }
}
