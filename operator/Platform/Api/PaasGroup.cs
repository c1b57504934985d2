namespace Paas.Platform.Api;

/// <summary>The API group and version every paas.dev kind is served under.</summary>
public static class PaasGroup
{
    public const string Name = "paas.dev";

    public const string Version = "v1alpha1";

    public const string ApiVersion = Name + "/" + Version;

    /// <summary>The category <c>kubectl get paas</c> uses to list every kind at once.</summary>
    public const string Category = "paas";
}
