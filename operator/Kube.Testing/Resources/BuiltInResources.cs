namespace Kube.Testing.Resources;

/// <summary>The built-in kinds this server serves, with the short names and categories kubectl knows.</summary>
internal static class BuiltInResources
{
    public static IReadOnlyList<ResourceDefinition> All { get; } =
    [
        Core("Namespace", "namespaces", namespaced: false, status: true, ["ns"]),
        Core("ConfigMap", "configmaps", namespaced: true, status: false, ["cm"]),
        Core("Secret", "secrets", namespaced: true, status: false, []),
        Core("Service", "services", namespaced: true, status: true, ["svc"], ["all"]),
        Core("ServiceAccount", "serviceaccounts", namespaced: true, status: false, ["sa"]),
        Core("Pod", "pods", namespaced: true, status: true, ["po"], ["all"]),
        Core("Event", "events", namespaced: true, status: false, ["ev"]),
        Grouped("apps", "v1", "Deployment", "deployments", status: true, ["deploy"], ["all"]),
        Grouped("apps", "v1", "ReplicaSet", "replicasets", status: true, ["rs"], ["all"]),
        Grouped("batch", "v1", "Job", "jobs", status: true, [], ["all"]),
        Grouped("networking.k8s.io", "v1", "Ingress", "ingresses", status: true, ["ing"]),
        Grouped("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", status: true, ["hpa"], ["all"]),
        Grouped("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", status: true, ["pdb"]),
        Grouped("coordination.k8s.io", "v1", "Lease", "leases", status: false, []),
        Grouped("events.k8s.io", "v1", "Event", "events", status: false, ["ev"]),
        Cluster("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", status: true, ["crd", "crds"], ["api-extensions"]),
        Cluster("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", status: false, [], ["api-extensions"]),
        Cluster("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", status: false, [], ["api-extensions"]),
    ];

    public static readonly ResourceKey Namespaces = new("", "namespaces");
    public static readonly ResourceKey CustomResourceDefinitions = new("apiextensions.k8s.io", "customresourcedefinitions");
    public static readonly ResourceKey ValidatingWebhooks = new("admissionregistration.k8s.io", "validatingwebhookconfigurations");
    public static readonly ResourceKey MutatingWebhooks = new("admissionregistration.k8s.io", "mutatingwebhookconfigurations");

    private static ResourceDefinition Core(string kind, string plural, bool namespaced, bool status, string[] shortNames, string[]? categories = null) =>
        new("", "v1", kind, plural, kind.ToLowerInvariant(), namespaced, shortNames, categories ?? [], status, [], IsCustom: false);

    private static ResourceDefinition Grouped(string group, string version, string kind, string plural, bool status, string[] shortNames, string[]? categories = null) =>
        new(group, version, kind, plural, kind.ToLowerInvariant(), Namespaced: true, shortNames, categories ?? [], status, [], IsCustom: false);

    private static ResourceDefinition Cluster(string group, string version, string kind, string plural, bool status, string[] shortNames, string[] categories) =>
        new(group, version, kind, plural, kind.ToLowerInvariant(), Namespaced: false, shortNames, categories, status, [], IsCustom: false);
}
