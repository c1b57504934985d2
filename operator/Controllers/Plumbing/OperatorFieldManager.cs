namespace Paas.Controllers.Plumbing;

/// <summary>Names the operator uses when it writes: its server-side apply field manager and its bookkeeping annotation.</summary>
public static class OperatorFieldManager
{
    public const string Name = "paas-operator";

    /// <summary>Hash of the desired object last applied; an equal hash on the live object means there is nothing to apply.</summary>
    public const string DesiredHashAnnotation = "paas.dev/desired-hash";
}
