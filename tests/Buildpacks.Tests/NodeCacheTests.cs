using Paas.Buildpacks.Tests.Support;

namespace Paas.Buildpacks.Tests;

/// <summary>
/// The Node.js build cache in PAAS_CACHE_DIR/node: what a build saves, when the next one restores node_modules instead
/// of installing (node/node_modules.tar, extracted), and that the cache shares nothing with a slug and may move to
/// another path or filesystem. The builds fetch express from the npm registry, as the end-to-end test does.
/// </summary>
public sealed class NodeCacheTests
{
    private static readonly TimeSpan BootDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Changed_package_json_is_installed_afresh_and_the_build_after_it_restores_the_new_modules()
    {
        using var scratch = new ScratchDirectory();
        var app = scratch.Combine("app");
        (await Script.RunAsync("cp", ["-a", Repository.SampleApp("node"), app])).ExitCode.Should().Be(0);
        var cache = scratch.Combine("cache");

        var first = await Runner.BuildAsync(app, scratch.Combine("slug-1"), WithCache(cache));
        var firstSignature = await File.ReadAllTextAsync(Path.Combine(cache, "node", "signature"));
        var manifest = Path.Combine(app, "package.json");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("The smallest Express app", "The smallest Express app, edited,", StringComparison.Ordinal));
        var second = await Runner.BuildAsync(app, scratch.Combine("slug-2"), WithCache(cache));
        var third = await Runner.BuildAsync(app, scratch.Combine("slug-3"), WithCache(cache));

        first.ExitCode.Should().Be(0, first.ToString());
        first.StandardOutput.Should().Contain("Installing node modules (package-lock.json)").And.Contain("Cached node_modules and the npm cache");
        (await CachedFileAsync(cache, "node_modules/express/package.json")).Should().Contain("\"name\": \"express\"");
        Directory.EnumerateFiles(Path.Combine(cache, "node", "npm-cache"), "*", SearchOption.AllDirectories).Should().NotBeEmpty();
        firstSignature.Should().StartWith("node 20.").And.Contain("package-lock.json");
        second.ExitCode.Should().Be(0, second.ToString());
        second.StandardOutput.Should().Contain("Cached node_modules not restored: node, npm, package.json or the lockfile changed")
            .And.Contain("Installing node modules (package-lock.json)");
        File.Exists(scratch.Combine("slug-2/node_modules/express/package.json")).Should().BeTrue();
        (await File.ReadAllTextAsync(Path.Combine(cache, "node", "signature"))).Should().NotBe(firstSignature);
        third.ExitCode.Should().Be(0, third.ToString());
        third.StandardOutput.Should().Contain("Restoring node_modules from the cache (package-lock.json, package.json and node unchanged)")
            .And.NotContain("Installing node modules");
    }

    [Fact]
    public async Task Edits_to_a_built_slugs_node_modules_do_not_reach_the_cache_the_next_build_restores()
    {
        using var scratch = new ScratchDirectory();
        var cache = scratch.Combine("cache");
        var first = await Runner.BuildAsync(Repository.SampleApp("node"), scratch.Combine("slug-1"), WithCache(cache));
        first.ExitCode.Should().Be(0, first.ToString());
        var built = scratch.Combine("slug-1/node_modules/express/index.js");
        var original = await File.ReadAllTextAsync(built);
        // Appending writes the file in place, as an app or a developer editing a dependency would; a cache sharing
        // the file (a hard link) would change with it.
        await File.AppendAllTextAsync(built, "\n// edited in slug-1 after the build\n");

        var second = await Runner.BuildAsync(Repository.SampleApp("node"), scratch.Combine("slug-2"), WithCache(cache));

        second.ExitCode.Should().Be(0, second.ToString());
        second.StandardOutput.Should().Contain("Restoring node_modules from the cache");
        (await File.ReadAllTextAsync(scratch.Combine("slug-2/node_modules/express/index.js"))).Should().Be(original);
        // Script reads stdout line by line, so only the final newline may differ.
        (await CachedFileAsync(cache, "node_modules/express/index.js")).TrimEnd('\n').Should().Be(original.TrimEnd('\n'));
    }

    [Fact]
    public async Task Cache_on_another_filesystem_then_moved_to_another_path_is_restored_and_the_app_answers_200()
    {
        using var scratch = new ScratchDirectory();
        using var elsewhere = ScratchDirectory.OnAnotherFilesystem();
        var firstCache = elsewhere.Combine("cache");
        var movedCache = scratch.Combine("moved-cache");

        var first = await Runner.BuildAsync(Repository.SampleApp("node"), scratch.Combine("slug-1"), WithCache(firstCache));
        // cp, not Directory.Move: a rename cannot cross filesystems.
        (await Script.RunAsync("cp", ["-a", firstCache, movedCache])).ExitCode.Should().Be(0);
        Directory.Delete(firstCache, recursive: true);
        var second = await Runner.BuildAsync(Repository.SampleApp("node"), scratch.Combine("slug-2"), WithCache(movedCache));

        first.ExitCode.Should().Be(0, first.ToString());
        first.StandardOutput.Should().Contain("Cached node_modules and the npm cache");
        second.ExitCode.Should().Be(0, second.ToString());
        second.StandardOutput.Should().Contain("Restoring node_modules from the cache (package-lock.json, package.json and node unchanged)");
        await using var dyno = RunningDyno.Start(scratch.Combine("slug-2"), "web");
        var body = await dyno.WaitForHttpOkAsync(BootDeadline);
        body.Should().StartWith("Hello from Node.js v20.");
    }

    [Fact]
    public async Task Unreadable_cached_node_modules_are_reported_and_installed_afresh_and_the_app_answers_200()
    {
        using var scratch = new ScratchDirectory();
        var cache = scratch.Combine("cache");
        (await Runner.BuildAsync(Repository.SampleApp("node"), scratch.Combine("slug-1"), WithCache(cache))).ExitCode.Should().Be(0);
        await File.WriteAllTextAsync(Path.Combine(cache, "node", "node_modules.tar"), "not a tar archive");

        var second = await Runner.BuildAsync(Repository.SampleApp("node"), scratch.Combine("slug-2"), WithCache(cache));

        second.ExitCode.Should().Be(0, second.ToString());
        second.StandardError.Should().Contain("The cached node_modules could not be read (tar: ").And.Contain("installing them afresh.");
        second.StandardOutput.Should().Contain("Installing node modules (package-lock.json)").And.Contain("Cached node_modules and the npm cache");
        (await CachedFileAsync(cache, "node_modules/express/package.json")).Should().Contain("\"name\": \"express\"");
        await using var dyno = RunningDyno.Start(scratch.Combine("slug-2"), "web");
        (await dyno.WaitForHttpOkAsync(BootDeadline)).Should().StartWith("Hello from Node.js v20.");
    }

    /// <summary>A file from the cached node_modules archive, read with tar as the next build would extract it.</summary>
    private static async Task<string> CachedFileAsync(string cacheDirectory, string pathInArchive)
    {
        var read = await Script.RunAsync("tar", ["-xOf", Path.Combine(cacheDirectory, "node", "node_modules.tar"), pathInArchive]);
        read.ExitCode.Should().Be(0, read.ToString());
        return read.StandardOutput;
    }

    private static Dictionary<string, string> WithCache(string cacheDirectory) => new() { ["PAAS_CACHE_DIR"] = cacheDirectory };
}
