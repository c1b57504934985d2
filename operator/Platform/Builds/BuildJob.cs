using System.Security.Cryptography;
using System.Text;
using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Rendering;

namespace Paas.Platform.Builds;

/// <summary>
/// The parts of a build Job every strategy shares: its name and labels, the source and plan init containers, the
/// workspace and config volumes, and the Job settings (one attempt, the build timeout, finished Jobs kept so their
/// logs stay readable until the Build is deleted).
/// </summary>
public static class BuildJob
{
    public const string WorkspaceVolume = "workspace";

    public const string ConfigVolume = "config";

    private const int MaxNameLength = 63;

    /// <summary>
    /// The Job's name: the Build's name where it is a DNS-1123 label (Job names become a label value), else a
    /// shortened, dot-free form with a hash of the full name so two long names never meet.
    /// </summary>
    public static string Name(string buildName)
    {
        ArgumentException.ThrowIfNullOrEmpty(buildName);
        if (buildName.Length <= MaxNameLength && !buildName.Contains('.', StringComparison.Ordinal))
        {
            return buildName;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(buildName)))[..8];
        var stem = buildName.Replace('.', '-')[..Math.Min(buildName.Length, MaxNameLength - hash.Length - 1)].TrimEnd('-');
        return $"{stem}-{hash}";
    }

    /// <summary>Labels of the Job and its pods.</summary>
    public static IReadOnlyDictionary<string, string> Labels(BuildJobInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [PaasLabels.App] = input.AppName,
            [BuildLabels.Build] = Name(input.BuildName),
            [WorkloadLabels.Name] = input.AppName,
            [WorkloadLabels.Component] = BuildLabels.Component,
            [WorkloadLabels.ManagedBy] = WorkloadLabels.ManagedByValue,
        };
        return labels;
    }

    /// <summary>The Job around <paramref name="pod"/>, owned by the Build when it has a uid.</summary>
    public static Job Wrap(BuildJobInput input, PodSpec pod, int timeoutSeconds)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(pod);
        var labels = Labels(input);
        var owner = input.Build.Metadata.Uid is { } uid
            ? new OwnerReference { ApiVersion = PaasGroup.ApiVersion, Kind = "Build", Name = input.BuildName, Uid = uid, Controller = true, BlockOwnerDeletion = true }
            : null;
        return new Job
        {
            Metadata = new ObjectMeta
            {
                Name = Name(input.BuildName),
                Namespace = input.Namespace,
                Labels = labels,
                OwnerReferences = owner is null ? null : [owner],
            },
            Spec = new JobSpec
            {
                // One attempt: a retried build hides the failure the user needs to see, and Heroku never retries one.
                BackoffLimit = 0,
                ActiveDeadlineSeconds = timeoutSeconds,
                Template = new PodTemplateSpec { Metadata = new ObjectMeta { Labels = labels }, Spec = pod },
            },
        };
    }

    /// <summary>The init container that fetches the source into the context, by the Build's source kind.</summary>
    public static Container SourceContainer(BuildJobInput input, BuildSettings settings, long runAsUser)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        var source = input.Build.Spec.Source;
        var (script, env) = source switch
        {
            { Git: { } git } => (BuildScripts.GitSource, GitEnv(git)),
            { Archive: { } archive } => (BuildScripts.ArchiveSource, [Env("ARCHIVE_URL", archive.Url), Env("ARCHIVE_SHA256", archive.Sha256)]),
            _ => throw new ArgumentException("only git and archive sources are built by a Job; an image source is deployed as it is", nameof(input)),
        };
        env.Add(Env("HOME", "/tmp"));
        return HelperContainer(BuildSteps.Source, settings, runAsUser, script, env, [WorkspaceMount()]);
    }

    /// <summary>The init container that runs bin/plan and writes the Dockerfile context for the builder.</summary>
    public static Container PlanContainer(BuildJobInput input, BuildSettings settings, long runAsUser)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        var mounts = new List<VolumeMount> { WorkspaceMount() };
        if (input.ConfigSecretName is not null)
        {
            mounts.Add(new VolumeMount { Name = ConfigVolume, MountPath = BuildScripts.ConfigMount, ReadOnly = true });
        }

        var env = new List<EnvVar>
        {
            Env(SlugDockerfile.BuildpacksArgument, string.Join(',', input.Buildpacks)),
            Env("PAAS_DOCKERFILE", SlugDockerfile.Render(input.Stack, runAsUser)),
            Env("HOME", "/tmp"),
        };
        return HelperContainer(BuildSteps.Plan, settings, runAsUser, BuildScripts.Plan, env, mounts);
    }

    /// <summary>The workspace volume, and the config snapshot when the App has config vars.</summary>
    public static List<Volume> SharedVolumes(BuildJobInput input, BuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        var volumes = new List<Volume> { new() { Name = WorkspaceVolume, EmptyDir = new EmptyDirVolumeSource { SizeLimit = settings.Resources.WorkspaceSize } } };
        if (input.ConfigSecretName is { } secret)
        {
            volumes.Add(new Volume { Name = ConfigVolume, Secret = new SecretVolumeSource { SecretName = secret } });
        }

        return volumes;
    }

    public static VolumeMount WorkspaceMount() => new() { Name = WorkspaceVolume, MountPath = BuildScripts.Workspace };

    public static ResourceRequirements Resources(BuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var resources = settings.Resources;
        return new ResourceRequirements
        {
            Requests = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["cpu"] = resources.CpuRequest, ["memory"] = resources.MemoryRequest },
            Limits = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["cpu"] = resources.CpuLimit, ["memory"] = resources.MemoryLimit },
        };
    }

    private static Container HelperContainer(
        string name, BuildSettings settings, long runAsUser, string script, IReadOnlyList<EnvVar> env, IReadOnlyList<VolumeMount> mounts) => new()
        {
            Name = name,
            Image = settings.HelperImage,
            Command = ["/bin/sh", "-c", script],
            Env = env,
            WorkingDir = BuildScripts.Workspace,
            Resources = Resources(settings),
            VolumeMounts = mounts,
            TerminationMessagePolicy = "FallbackToLogsOnError",
            SecurityContext = new SecurityContext
            {
                RunAsNonRoot = true,
                RunAsUser = runAsUser,
                AllowPrivilegeEscalation = false,
                Capabilities = new Capabilities { Drop = ["ALL"] },
            },
        };

    private static EnvVar Env(string name, string value) => new() { Name = name, Value = value };

    /// <summary>The clone's inputs; GIT_PATH only when a folder is named, so root builds keep their Job unchanged.</summary>
    private static List<EnvVar> GitEnv(GitSource git)
    {
        var env = new List<EnvVar> { Env("GIT_URL", git.Url), Env("GIT_REF", git.Ref ?? string.Empty) };
        if (git.Path is { Length: > 0 } path)
        {
            env.Add(Env("GIT_PATH", path.TrimEnd('/')));
        }

        return env;
    }
}
