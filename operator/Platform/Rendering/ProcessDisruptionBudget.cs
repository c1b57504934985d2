using Kube.Models;
using Paas.Platform.Procfiles;

namespace Paas.Platform.Rendering;

/// <summary>The PodDisruptionBudget that lets node drains take one dyno of a process type at a time.</summary>
public static class ProcessDisruptionBudget
{
    /// <summary>
    /// Rendered only when more than one dyno can run (<see cref="ProcessScale.MayRunSeveral"/>): with one dyno,
    /// a budget would either block drains forever or allow everything, so it is left out.
    /// </summary>
    public static PodDisruptionBudget Render(RenderInput input, string processType)
    {
        ArgumentNullException.ThrowIfNull(input);
        var app = input.AppName;
        var kubernetesName = ProcessTypeNames.ToKubernetesName(processType);
        return new PodDisruptionBudget
        {
            Metadata = ObjectMetadata.For(input, ProcessTypeNames.ObjectName(app, processType), WorkloadLabels.Stable(app, kubernetesName)),
            Spec = new PodDisruptionBudgetSpec
            {
                Selector = new LabelSelector { MatchLabels = WorkloadLabels.Selector(app, kubernetesName) },
                MaxUnavailable = IntOrString.Of(1),
            },
        };
    }
}
