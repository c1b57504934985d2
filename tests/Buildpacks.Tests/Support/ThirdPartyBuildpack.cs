namespace Paas.Buildpacks.Tests.Support;

/// <summary>A tiny Heroku buildpack in a local git repository, with a main branch and a v2 branch that differ.</summary>
internal static class ThirdPartyBuildpack
{
    /// <summary>Creates the repository and returns its file:// URL.</summary>
    public static async Task<string> CreateAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        await GitAsync(directory, "init", "--quiet", "--initial-branch=main");
        await CommitAsync(directory, "main");
        await GitAsync(directory, "checkout", "--quiet", "-b", "v2");
        await CommitAsync(directory, "v2");
        await GitAsync(directory, "checkout", "--quiet", "main");
        return "file://" + directory;
    }

    private static async Task CommitAsync(string directory, string version)
    {
        Write(directory, "bin/detect", "#!/bin/sh\necho Greeting\n");
        Write(directory, "bin/compile", $"#!/bin/sh\necho '-----> Writing a greeting from {version}'\necho 'hello from {version}' > \"$1/greeting.txt\"\n");
        Write(directory, "bin/release", "#!/bin/sh\nprintf -- '---\\ndefault_process_types:\\n  web: \"cat greeting.txt\"\\n'\n");
        await GitAsync(directory, "add", "bin");
        await GitAsync(directory, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "--quiet", "-m", version);
    }

    private static void Write(string directory, string relativePath, string text)
    {
        var path = Path.Combine(directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }

    private static async Task GitAsync(string directory, params string[] arguments)
    {
        var result = await Script.RunAsync("git", arguments, workingDirectory: directory);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result}");
        }
    }
}
