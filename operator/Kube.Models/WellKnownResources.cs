namespace Kube.Models;

/// <summary>Built-in resources used through the dynamic client, where no typed model exists.</summary>
public static class WellKnownResources
{
    public static ResourceType Namespaces { get; } = new("", "v1", "Namespace", "namespaces", Namespaced: false);

    public static ResourceType CustomResourceDefinitions { get; } =
        new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", Namespaced: false);

    public static ResourceType ValidatingWebhookConfigurations { get; } =
        new("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", Namespaced: false);

    public static ResourceType MutatingWebhookConfigurations { get; } =
        new("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", Namespaced: false);
}
