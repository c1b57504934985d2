using System.Text.RegularExpressions;
using Kube.Models;
using Paas.Platform.Api;

namespace Paas.Platform.Builds;

/// <summary>
/// Builds with the Kaniko executor (<see cref="BuildSettings.ExecutorImage"/>, the maintained fork): it runs the
/// Dockerfile in userspace without a Docker daemon or a privileged container, caches layers in the registry, and writes
/// the pushed digest to the termination log.
/// </summary>
/// <remarks>
/// Kaniko must run as root: it unpacks each base image over its own container's filesystem and runs the RUN steps
/// there, which needs to create files owned by any uid and to change ownership and modes. It therefore cannot meet the
/// restricted Pod Security profile, and build namespaces need the baseline profile. What restricted asks and Kaniko
/// allows is kept: no privilege escalation, RuntimeDefault seccomp, every capability dropped except the file-ownership
/// ones Docker grants by default, no service account token, and the helper steps run as an unprivileged uid.
/// </remarks>
public sealed partial class KanikoStrategy : IBuildStrategy
{
    /// <summary>Where Kaniko reads registry credentials: <c>$DOCKER_CONFIG/config.json</c>.</summary>
    public const string DockerConfigDirectory = "/kaniko/.docker";

    public const string RegistryVolume = "registry-credentials";

    private const int MaxTagLength = 128;

    private readonly PlatformSettings settings;

    public KanikoStrategy(PlatformSettings settings)
    {
        this.settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    public string Name => "kaniko";

    private BuildSettings Builds => settings.Builds;

    public Job Render(BuildJobInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var runAsUser = settings.Rendering.RunAsUser;
        var volumes = BuildJob.SharedVolumes(input, Builds);
        volumes.Add(new Volume
        {
            Name = RegistryVolume,
            Secret = new SecretVolumeSource
            {
                SecretName = Builds.RegistrySecretName,
                Items = [new KeyToPath { Key = ".dockerconfigjson", Path = "config.json" }],
                Optional = true,
            },
        });
        var pod = new PodSpec
        {
            InitContainers = [BuildJob.SourceContainer(input, Builds, runAsUser), BuildJob.PlanContainer(input, Builds, runAsUser)],
            Containers = [BuilderContainer(input)],
            Volumes = volumes,
            RestartPolicy = "Never",
            AutomountServiceAccountToken = false,
            EnableServiceLinks = false,
            SecurityContext = new PodSecurityContext { SeccompProfile = new SeccompProfile { Type = "RuntimeDefault" } },
        };
        return BuildJob.Wrap(input, pod, Builds.TimeoutSeconds);
    }

    public string? ImageFrom(Build build, string? builderMessage)
    {
        ArgumentNullException.ThrowIfNull(build);
        var digest = builderMessage?.Trim();
        return digest is not null && Digest().IsMatch(digest) ? $"{Repository(build)}@{digest}" : null;
    }

    public string ReasonForBuilderFailure(string? builderMessage) =>
        builderMessage is not null && PushError().IsMatch(builderMessage) ? BuildFailureReasons.PushFailed : BuildFailureReasons.CompileFailed;

    /// <summary>The repository a Build pushes to: <c>&lt;registry&gt;/&lt;namespace&gt;/&lt;app&gt;</c>.</summary>
    public string Repository(Build build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var registry = Builds.Registry.TrimEnd('/');
        return build.Metadata.Namespace is { Length: > 0 } ns ? $"{registry}/{ns}/{build.Spec.App}" : $"{registry}/{build.Spec.App}";
    }

    private Container BuilderContainer(BuildJobInput input)
    {
        var repository = Repository(input.Build);
        var tag = input.BuildName.Length <= MaxTagLength ? input.BuildName : input.BuildName[..MaxTagLength];
        return new Container
        {
            Name = BuildSteps.Build,
            Image = Builds.ExecutorImage,
            Args =
            [
                $"--context=dir://{BuildScripts.Context}",
                $"--dockerfile={BuildScripts.Context}/Dockerfile",
                $"--destination={repository}:{tag}",
                $"--build-arg={SlugDockerfile.BuildpacksArgument}={string.Join(',', input.Buildpacks)}",
                "--cache=true",
                $"--cache-repo={repository}/cache",
                "--snapshot-mode=redo",
                "--digest-file=/dev/termination-log",
            ],
            Env = [new EnvVar { Name = "DOCKER_CONFIG", Value = DockerConfigDirectory }],
            Resources = BuildJob.Resources(Builds),
            VolumeMounts =
            [
                BuildJob.WorkspaceMount(),
                new VolumeMount { Name = RegistryVolume, MountPath = DockerConfigDirectory, ReadOnly = true },
            ],
            TerminationMessagePolicy = "FallbackToLogsOnError",
            SecurityContext = new SecurityContext
            {
                RunAsNonRoot = false,
                RunAsUser = 0,
                AllowPrivilegeEscalation = false,
                Capabilities = new Capabilities { Drop = ["ALL"], Add = ["CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "SETGID", "SETUID"] },
            },
        };
    }

    [GeneratedRegex(@"^sha256:[0-9a-f]{64}\z")]
    private static partial Regex Digest();

    // Kaniko's own wording when the push, or the permission check it does before building, fails.
    [GeneratedRegex("error pushing image|failed to push|push permission", RegexOptions.IgnoreCase)]
    private static partial Regex PushError();
}
