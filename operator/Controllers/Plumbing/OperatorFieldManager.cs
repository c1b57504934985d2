namespace Paas.Controllers.Plumbing;

/// <summary>The operator's server-side apply field manager; its bookkeeping annotation is <c>PaasAnnotations.DesiredHash</c>.</summary>
public static class OperatorFieldManager
{
    public const string Name = "paas-operator";
}
