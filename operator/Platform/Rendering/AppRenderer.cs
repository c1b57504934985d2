using Kube.Models;
using Paas.Platform.Procfiles;

namespace Paas.Platform.Rendering;

/// <summary>Computes the desired Deployments, Services, Ingresses, autoscalers and disruption budgets of an App running a Release.</summary>
public static class AppRenderer
{
    /// <summary>
    /// One Deployment per process type of the Release except <c>release</c> (a Job, see <see cref="ReleasePhaseJob"/>),
    /// in order of Kubernetes name; an HPA where the Formation autoscales, a PDB where several dynos can run, and for
    /// <c>web</c> its Service and Ingress. Pure: the same input gives equal output.
    /// </summary>
    /// <exception cref="InvalidOperationException">A Formation names a dyno size the platform does not offer.</exception>
    public static RenderedApp Render(RenderInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var deployments = new List<Deployment>();
        var autoscalers = new List<HorizontalPodAutoscaler>();
        var budgets = new List<PodDisruptionBudget>();
        var processTypes = (input.Release.Spec.ProcessTypes ?? new Dictionary<string, string>())
            .Where(p => p.Key != ProcessTypes.Release)
            .OrderBy(p => ProcessTypeNames.ToKubernetesName(p.Key), StringComparer.Ordinal)
            .ThenBy(p => p.Key, StringComparer.Ordinal);
        foreach (var (processType, command) in processTypes)
        {
            var scale = ProcessScale.Of(processType, input.Formation, input.Settings);
            deployments.Add(ProcessDeployment.Render(input, processType, command, scale));
            if (scale.Autoscale is { } autoscale)
            {
                autoscalers.Add(ProcessAutoscaler.Render(input, processType, autoscale));
            }

            if (scale.MayRunSeveral)
            {
                budgets.Add(ProcessDisruptionBudget.Render(input, processType));
            }
        }

        var hasWeb = input.Release.Spec.ProcessTypes?.ContainsKey(ProcessTypes.Web) == true;
        if (!hasWeb)
        {
            return new RenderedApp { Deployments = deployments, Autoscalers = autoscalers, DisruptionBudgets = budgets };
        }

        var services = new List<Service> { WebService.Render(input) };
        var ingress = WebIngress.Render(input);
        if (ingress is not null && input.App.Spec.Maintenance == true)
        {
            services.Add(WebService.RenderMaintenance(input));
        }

        return new RenderedApp
        {
            Deployments = deployments,
            Services = services,
            Ingresses = ingress is null ? [] : [ingress],
            Autoscalers = autoscalers,
            DisruptionBudgets = budgets,
            Hosts = WebIngress.Hosts(input),
        };
    }
}
