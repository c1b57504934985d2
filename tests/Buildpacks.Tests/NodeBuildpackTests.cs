using Paas.Buildpacks.Tests.Support;

namespace Paas.Buildpacks.Tests;

/// <summary>The Node.js buildpack's choices: runtime, package manager, pruning and .profile.d; all offline.</summary>
public sealed class NodeBuildpackTests
{
    [Fact]
    public async Task DevDependencies_are_installed_for_the_build_and_pruned_from_the_slug()
    {
        using var scratch = new ScratchDirectory();
        scratch.Write("app/package.json", """
            {"name":"pruned","version":"1.0.0",
             "scripts":{"build":"node -e \"require('devtool'); require('fs').writeFileSync('built.txt', 'ok')\""},
             "dependencies":{"runtimelib":"file:./runtimelib"},
             "devDependencies":{"devtool":"file:./devtool"}}
            """);
        scratch.Write("app/runtimelib/package.json", """{"name":"runtimelib","version":"1.0.0"}""");
        scratch.Write("app/runtimelib/index.js", "module.exports = 1;\n");
        scratch.Write("app/devtool/package.json", """{"name":"devtool","version":"1.0.0"}""");
        scratch.Write("app/devtool/index.js", "module.exports = 2;\n");
        var slug = scratch.Combine("slug");

        var result = await Runner.BuildAsync(scratch.Combine("app"), slug);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StandardOutput.Should().Contain("Installing node modules").And.Contain("Running build");
        File.ReadAllText(Path.Combine(slug, "built.txt")).Should().Be("ok");
        Directory.Exists(Path.Combine(slug, "node_modules", "runtimelib")).Should().BeTrue();
        Path.Exists(Path.Combine(slug, "node_modules", "devtool")).Should().BeFalse();
    }

    [Fact]
    public async Task Engine_version_and_the_stack_runtime_are_logged_in_herokus_words()
    {
        using var scratch = new ScratchDirectory();
        scratch.Write("app/package.json", """{"name":"x","version":"1.0.0","engines":{"node":">=18"}}""");

        var result = await Runner.BuildAsync(scratch.Combine("app"), scratch.Combine("slug"));

        result.ExitCode.Should().Be(0, result.ToString());
        result.StandardOutput.Should().Contain("-----> Node.js app detected")
            .And.Contain("engines.node (package.json):  >=18")
            .And.Contain("       Resolving node version >=18...")
            .And.MatchRegex(@"Using node \d+\.\d+\.\d+ from the stack image");
    }

    [Fact]
    public async Task Profile_script_puts_node_modules_bin_on_the_path_at_dyno_start()
    {
        using var scratch = new ScratchDirectory();
        scratch.Write("app/package.json", """{"name":"x","version":"1.0.0"}""");
        var slug = scratch.Combine("slug");

        await Runner.BuildAsync(scratch.Combine("app"), slug);

        File.ReadAllText(Path.Combine(slug, ".profile.d", "nodejs.sh"))
            .Should().Contain("$HOME/node_modules/.bin").And.Contain("NODE_ENV=\"${NODE_ENV:-production}\"");
    }

    [Fact]
    public async Task Npm_start_in_a_dyno_does_not_ask_the_registry_for_a_newer_npm()
    {
        using var scratch = new ScratchDirectory();
        scratch.Write("app/package.json", """{"name":"quiet","version":"1.0.0","scripts":{"start":"node server.js"}}""");
        scratch.Write("app/server.js", """
            require("http").createServer((request, response) => response.end("up")).listen(Number(process.env.PORT), process.env.HOST);
            """);
        var slug = scratch.Combine("slug");
        var build = await Runner.BuildAsync(scratch.Combine("app"), slug);
        build.ExitCode.Should().Be(0, build.ToString());

        await using (var dyno = RunningDyno.Start(slug, "web"))
        {
            (await dyno.WaitForHttpOkAsync(TimeSpan.FromSeconds(60))).Should().Be("up");
        }

        // The dyno's HOME is the slug, without the developer's .npmrc; npm notes each update check it makes there.
        File.Exists(Path.Combine(slug, ".npm", "_update-notifier-last-checked")).Should().BeFalse();
    }

    [Fact]
    public async Task Package_manager_follows_the_lockfile()
    {
        using var scratch = new ScratchDirectory();
        scratch.Write("app/package.json", """{"name":"x","version":"1.0.0"}""");
        scratch.Write("app/pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
        // Without pnpm on PATH and with Corepack blocked from the network, the build says which manager it wanted.
        var result = await Runner.BuildAsync(
            scratch.Combine("app"), scratch.Combine("slug"), new Dictionary<string, string> { ["COREPACK_ENABLE_NETWORK"] = "0" });

        result.StandardOutput.Should().Contain("Using pnpm (pnpm-lock.yaml)");
    }
}
