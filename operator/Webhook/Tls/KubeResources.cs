using Kube.Models;

namespace Paas.Webhook.Tls;

/// <summary>The built-in resources the webhook reads and writes through the dynamic client.</summary>
public static class KubeResources
{
    public static ResourceType Secrets { get; } = new("", "v1", "Secret", "secrets", Namespaced: true);

    public static ResourceType ValidatingWebhookConfigurations { get; } =
        new("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", Namespaced: false);

    public static ResourceType MutatingWebhookConfigurations { get; } =
        new("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", Namespaced: false);
}
