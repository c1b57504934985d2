using Kube.Models;
using Paas.Platform.Procfiles;

namespace Paas.Platform.Rendering;

/// <summary>The Deployment <c>&lt;app&gt;-&lt;type&gt;</c> that runs the dynos of one process type.</summary>
public static class ProcessDeployment
{
    public static Deployment Render(RenderInput input, string processType, string command, ProcessScale scale)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(scale);
        var app = input.AppName;
        var kubernetesName = ProcessTypeNames.ToKubernetesName(processType);
        var labels = WorkloadLabels.ForRelease(app, kubernetesName, input.Release.Spec.Version);
        return new Deployment
        {
            Metadata = ObjectMetadata.For(input, ProcessTypeNames.ObjectName(app, processType), labels),
            Spec = new DeploymentSpec
            {
                // Omitted, not zero, under autoscaling: server-side apply then leaves the field to the HPA.
                Replicas = scale.Replicas,
                Selector = new LabelSelector { MatchLabels = WorkloadLabels.Selector(app, kubernetesName) },
                Strategy = Strategy(processType),
                Template = new PodTemplateSpec
                {
                    Metadata = new ObjectMeta { Labels = labels },
                    Spec = DynoPod.Spec(input, processType, command, scale.Size, "Always"),
                },
            },
        };
    }

    // Web: Heroku's preboot, new dynos take traffic before any old one stops. Others: never more dynos than the
    // quantity, so a lone clock dyno never runs twice at once, as Heroku stops old dynos before starting new ones.
    private static DeploymentStrategy Strategy(string processType) => new()
    {
        Type = "RollingUpdate",
        RollingUpdate = processType == ProcessTypes.Web
            ? new RollingUpdateDeployment { MaxUnavailable = IntOrString.Of(0), MaxSurge = IntOrString.Of("25%") }
            : new RollingUpdateDeployment { MaxUnavailable = IntOrString.Of(1), MaxSurge = IntOrString.Of(0) },
    };
}
