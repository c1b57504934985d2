using System.Globalization;
using Kube.Models;
using Paas.Platform.Dynos;
using Paas.Platform.Procfiles;

namespace Paas.Platform.Rendering;

/// <summary>The pod of one dyno: the release's image and command, Heroku's environment, the size's resources, a restricted security context.</summary>
public static class DynoPod
{
    /// <summary>Heroku's shutdown: SIGTERM, 30 seconds, then SIGKILL.</summary>
    public const int TerminationGracePeriodSeconds = 30;

    /// <summary>Heroku's web boot timeout: 60 seconds to bind <c>$PORT</c>.</summary>
    public const int WebBootTimeoutSeconds = 60;

    /// <summary>The name of the web container port, which the Service and probes refer to.</summary>
    public const string WebPortName = "http";

    private const int ProbePeriodSeconds = 5;

    /// <summary>
    /// The pod spec for <paramref name="processType"/> running <paramref name="command"/>. Only web dynos get probes:
    /// Heroku checks nothing else, and a worker that crashes is restarted by the kubelet as Heroku restarts it.
    /// No liveness probe either: Heroku never kills a running dyno for being slow, it only times out requests.
    /// </summary>
    public static PodSpec Spec(RenderInput input, string processType, string command, DynoSize size, string restartPolicy)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(size);
        var settings = input.Settings.Rendering;
        var isWeb = processType == ProcessTypes.Web;
        var container = new Container
        {
            Name = ProcessTypeNames.ToKubernetesName(processType),
            Image = input.Release.Spec.Image,
            Command = DynoLauncher.Command,
            Args = DynoLauncher.Args(command),
            Ports = isWeb ? [new ContainerPort { Name = WebPortName, Port = settings.WebPort, Protocol = "TCP" }] : null,
            EnvFrom = ConfigEnv(input),
            Env = Env(input, isWeb),
            Resources = Resources(size),
            StartupProbe = isWeb ? TcpProbe(WebBootTimeoutSeconds / ProbePeriodSeconds) : null,
            ReadinessProbe = isWeb ? TcpProbe(3) : null,
            SecurityContext = new SecurityContext
            {
                AllowPrivilegeEscalation = false,
                Capabilities = new Capabilities { Drop = ["ALL"] },
            },
        };

        return new PodSpec
        {
            Containers = [container],
            RestartPolicy = restartPolicy,
            TerminationGracePeriodSeconds = TerminationGracePeriodSeconds,
            AutomountServiceAccountToken = false,
            EnableServiceLinks = false,
            SecurityContext = new PodSecurityContext
            {
                RunAsNonRoot = true,
                RunAsUser = settings.RunAsUser,
                SeccompProfile = new SeccompProfile { Type = "RuntimeDefault" },
            },
        };
    }

    // A Release without spec.config runs with no config vars (the planner reads it as the empty config), so there is no
    // Secret to name; guessing one would leave dynos stuck in CreateContainerConfigError on a Secret nobody creates.
    private static IReadOnlyList<EnvFromSource>? ConfigEnv(RenderInput input) =>
        input.Release.Spec.Config is { } config
            ? [new EnvFromSource { SecretRef = new SecretEnvSource { Name = config.SecretName } }]
            : null;

    // Explicit env wins over envFrom, so a config var cannot override these, as on Heroku.
    // DYNO: Heroku's web.1 needs a per-pod index that Deployments do not give, so the pod name stands in for it:
    // unique per dyno and the name kubectl and logs show.
    private static IReadOnlyList<EnvVar> Env(RenderInput input, bool isWeb)
    {
        var env = new List<EnvVar>
        {
            new() { Name = "DYNO", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "metadata.name" } } },
            new() { Name = "PAAS_RELEASE_VERSION", Value = input.Release.Spec.Version.ToString(CultureInfo.InvariantCulture) },
        };
        if (isWeb)
        {
            env.Add(new EnvVar { Name = "PORT", Value = input.Settings.Rendering.WebPort.ToString(CultureInfo.InvariantCulture) });
        }

        return env;
    }

    private static ResourceRequirements Resources(DynoSize size) => new()
    {
        Requests = Maps.Sorted(("cpu", size.CpuRequest), ("memory", size.Memory)),
        Limits = Maps.Sorted(("cpu", size.CpuLimit), ("memory", size.Memory)),
    };

    private static Probe TcpProbe(int failureThreshold) => new()
    {
        TcpSocket = new TcpSocketAction { Port = IntOrString.Of(WebPortName) },
        PeriodSeconds = ProbePeriodSeconds,
        FailureThreshold = failureThreshold,
    };
}
