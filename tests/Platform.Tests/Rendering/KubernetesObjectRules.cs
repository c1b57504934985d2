using System.Text.RegularExpressions;
using Kube.Models;

namespace Paas.Platform.Tests.Rendering;

/// <summary>
/// The API server's validation of the built-in kinds the renderers produce, as far as our objects use them
/// (Kube.Testing does not validate built-ins). Each rule cites the Kubernetes validation it imitates.
/// </summary>
internal static partial class KubernetesObjectRules
{
    public static IReadOnlyList<string> Violations(IKubernetesObject obj)
    {
        var found = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                found.Add($"{obj.Kind}/{obj.Metadata.Name}: {message}");
            }
        }

        CheckMetadata(obj.Metadata, Require);
        switch (obj)
        {
            case Deployment d:
                // apps/validation: selector non-empty and matching the template's labels; replicas >= 0; not both rolling bounds 0.
                Require(d.Spec is not null, "spec is required");
                Require(IsDns1123Label(d.Metadata.Name), "Deployment names become pod hostnames' prefix and label values: DNS-1123 label");
                Require(d.Spec!.Selector.MatchLabels is { Count: > 0 }, "selector must not be empty");
                Require(d.Spec.Selector.MatchLabels!.All(l => d.Spec.Template.Metadata?.Labels?.GetValueOrDefault(l.Key) == l.Value), "selector does not match template labels");
                Require(d.Spec.Replicas is null or >= 0, "replicas must be >= 0");
                var rolling = d.Spec.Strategy?.RollingUpdate;
                Require(rolling is null || !(IsZero(rolling.MaxSurge) && IsZero(rolling.MaxUnavailable)), "maxSurge and maxUnavailable may not both be 0");
                CheckMetadata(d.Spec.Template.Metadata ?? new ObjectMeta(), Require);
                CheckPod(d.Spec.Template.Spec, ["Always"], Require);
                break;
            case Job j:
                Require(IsDns1123Label(j.Metadata.Name), "Job names become the job-name label value: DNS-1123 label");
                CheckPod(j.Spec!.Template.Spec, ["Never", "OnFailure"], Require);
                Require(j.Spec.BackoffLimit is null or >= 0, "backoffLimit must be >= 0");
                Require(j.Spec.ActiveDeadlineSeconds is null or > 0, "activeDeadlineSeconds must be > 0");
                break;
            case Service s:
                // core/validation: names are DNS-1035 labels; ports required except for ExternalName; names unique.
                Require(IsDns1035Label(s.Metadata.Name), "Service names must be DNS-1035 labels");
                if (s.Spec!.Type == "ExternalName")
                {
                    Require(s.Spec.ExternalName is { } external && IsSubdomain(external), "externalName must be a DNS name");
                }
                else
                {
                    Require(s.Spec.Ports is { Count: > 0 }, "ports are required");
                }

                foreach (var port in s.Spec.Ports ?? [])
                {
                    Require(port.Port is > 0 and < 65536, $"port {port.Port} out of range");
                    Require(port.Name is null || IsPortName(port.Name), $"port name {port.Name} is not an IANA service name");
                }

                break;
            case Ingress i:
                Require(i.Spec!.Rules is { Count: > 0 } || i.Spec.DefaultBackend is not null, "rules or a default backend are required");
                foreach (var rule in i.Spec.Rules ?? [])
                {
                    Require(rule.Host is { } host && IsHost(host), $"host {rule.Host} is not a DNS name (a wildcard only leftmost)");
                    foreach (var path in rule.Http!.Paths)
                    {
                        Require(path.PathType is "Prefix" or "Exact" or "ImplementationSpecific", $"pathType {path.PathType} unknown");
                        Require(path.Path?.StartsWith('/') == true, "path must be absolute");
                        var port = path.Backend.Service!.Port;
                        Require((port.Name is null) != (port.Number is null), "backend port needs exactly one of name and number");
                        Require(IsDns1035Label(path.Backend.Service.Name), "backend service name invalid");
                    }
                }

                foreach (var tls in i.Spec.Tls ?? [])
                {
                    Require(tls.SecretName is { } name && IsSubdomain(name), "tls secretName invalid");
                }

                break;
            case HorizontalPodAutoscaler h:
                Require(h.Spec!.MinReplicas is null or >= 1, "minReplicas must be >= 1");
                Require(h.Spec.MaxReplicas >= (h.Spec.MinReplicas ?? 1), "maxReplicas must be >= minReplicas");
                Require(h.Spec.ScaleTargetRef.Kind.Length > 0 && IsSubdomain(h.Spec.ScaleTargetRef.Name), "scaleTargetRef needs kind and name");
                Require(h.Spec.Metrics!.All(m => m.Resource?.Target.AverageUtilization is > 0), "utilization targets must be > 0");
                break;
            case PodDisruptionBudget p:
                Require((p.Spec!.MaxUnavailable is null) != (p.Spec.MinAvailable is null), "exactly one of minAvailable and maxUnavailable");
                Require(p.Spec.Selector?.MatchLabels is { Count: > 0 }, "selector must not be empty");
                break;
            case Secret secret:
                Require(secret.Data?.Keys.All(k => ConfigKey().IsMatch(k)) != false, "data keys must be [-._a-zA-Z0-9]+");
                Require(secret.Data?.Values.Sum(v => v.Length) is null or <= 1024 * 1024, "data must fit in 1 MiB");
                break;
            default:
                found.Add($"{obj.Kind}: no rules for this kind");
                break;
        }

        return found;
    }

    private static void CheckMetadata(ObjectMeta metadata, Action<bool, string> require)
    {
        if (metadata.Name is not null)
        {
            require(IsSubdomain(metadata.Name), $"name {metadata.Name} is not a DNS-1123 subdomain");
        }

        foreach (var (key, value) in metadata.Labels ?? new Dictionary<string, string>())
        {
            require(IsQualifiedName(key), $"label key {key} invalid");
            require(value.Length <= 63 && LabelValue().IsMatch(value), $"label value {value} invalid");
        }

        foreach (var key in metadata.Annotations?.Keys ?? [])
        {
            require(IsQualifiedName(key), $"annotation key {key} invalid");
        }
    }

    private static void CheckPod(PodSpec pod, string[] restartPolicies, Action<bool, string> require)
    {
        require(pod.Containers.Count > 0, "a pod needs a container");
        require(pod.RestartPolicy is null || restartPolicies.Contains(pod.RestartPolicy), $"restartPolicy {pod.RestartPolicy} not allowed here");
        // Pod Security Standards, restricted profile.
        require(pod.SecurityContext?.RunAsNonRoot == true, "restricted: runAsNonRoot");
        require(pod.SecurityContext?.SeccompProfile?.Type == "RuntimeDefault", "restricted: seccomp RuntimeDefault");
        foreach (var container in pod.Containers)
        {
            require(IsDns1123Label(container.Name), $"container name {container.Name} invalid");
            require(container.Image.Length > 0, "container image required");
            require(container.SecurityContext?.AllowPrivilegeEscalation == false, "restricted: allowPrivilegeEscalation false");
            require(container.SecurityContext?.Capabilities?.Drop?.Contains("ALL") == true, "restricted: drop ALL");
            foreach (var port in container.Ports ?? [])
            {
                require(port.Port is > 0 and < 65536 && (port.Name is null || IsPortName(port.Name)), $"container port {port.Name}:{port.Port} invalid");
            }

            foreach (var env in container.Env ?? [])
            {
                require(EnvName().IsMatch(env.Name), $"env name {env.Name} invalid");
                require((env.Value is null) || (env.ValueFrom is null), $"env {env.Name} has both value and valueFrom");
            }

            foreach (var quantity in (container.Resources?.Requests?.Values ?? []).Concat(container.Resources?.Limits?.Values ?? []))
            {
                require(Quantity().IsMatch(quantity), $"quantity {quantity} invalid");
            }

            foreach (var probe in new[] { container.StartupProbe, container.ReadinessProbe, container.LivenessProbe }.OfType<Probe>())
            {
                require(probe.TcpSocket?.Port.Text is not { } name || container.Ports?.Any(p => p.Name == name) == true, $"probe names port {probe.TcpSocket?.Port} the container lacks");
            }
        }
    }

    private static bool IsZero(IntOrString? value) => value is null || value.Number == 0 || value.Text == "0%";

    private static bool IsDns1123Label(string? name) => name is { Length: <= 63 } && Dns1123Label().IsMatch(name);

    private static bool IsDns1035Label(string? name) => name is { Length: <= 63 } && Dns1035Label().IsMatch(name);

    private static bool IsSubdomain(string name) => name.Length <= 253 && name.Split('.').All(IsDns1123Label);

    private static bool IsHost(string host) => IsSubdomain(host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host);

    private static bool IsPortName(string name) => name.Length <= 15 && PortName().IsMatch(name) && name.Any(char.IsLetter);

    private static bool IsQualifiedName(string key)
    {
        var slash = key.LastIndexOf('/');
        var name = slash < 0 ? key : key[(slash + 1)..];
        return (slash < 0 || IsSubdomain(key[..slash])) && name.Length is > 0 and <= 63 && LabelValue().IsMatch(name);
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?\z")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex(@"^[a-z]([-a-z0-9]*[a-z0-9])?\z")]
    private static partial Regex Dns1035Label();

    [GeneratedRegex(@"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\z")]
    private static partial Regex LabelValue();

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]*[a-z0-9])?\z")]
    private static partial Regex PortName();

    [GeneratedRegex(@"^[-._a-zA-Z][-._a-zA-Z0-9]*\z")]
    private static partial Regex EnvName();

    [GeneratedRegex(@"^[-._a-zA-Z0-9]+\z")]
    private static partial Regex ConfigKey();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?(m|k|Ki|Mi|Gi|Ti|M|G|T)?\z")]
    private static partial Regex Quantity();
}
