namespace Paas.E2E.Tests;

/// <summary>A test that needs a real cluster: it runs only under <c>make e2e</c> (PAAS_E2E=1) with KUBECONFIG set.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PAAS_E2E") != "1" || string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBECONFIG")))
        {
            Skip = "needs a real cluster: set KUBECONFIG and run make e2e";
        }
    }
}
