namespace Paas.Buildpacks.Tests.Support;

/// <summary>Calls the build runner's verbs (buildpacks/bin/plan and build) as the build Job does.</summary>
internal static class Runner
{
    public static Task<ScriptResult> PlanAsync(string sourceDirectory, IReadOnlyDictionary<string, string>? environment = null) =>
        Script.RunAsync(Repository.Runner("plan"), [sourceDirectory], environment);

    public static Task<ScriptResult> BuildAsync(string sourceDirectory, string slugDirectory, IReadOnlyDictionary<string, string>? environment = null) =>
        Script.RunAsync(Repository.Runner("build"), [sourceDirectory, slugDirectory], environment);
}
