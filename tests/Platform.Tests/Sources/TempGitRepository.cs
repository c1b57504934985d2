using System.Diagnostics;

namespace Paas.Platform.Tests.Sources;

/// <summary>A throwaway git repository in a temp folder, driven by the real git command.</summary>
internal sealed class TempGitRepository : IDisposable
{
    private TempGitRepository(string path) => Path = path;

    public string Path { get; }

    public static TempGitRepository Init(string defaultBranch)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "paas-git-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(path);
        var repository = new TempGitRepository(path);
        repository.Git("init", "-q", "-b", defaultBranch);
        return repository;
    }

    /// <summary>Commits an empty change and returns its SHA.</summary>
    public string Commit(string message)
    {
        Git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "--allow-empty", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    /// <summary>Runs git in the repository and returns its standard output; fails the test on a non-zero exit.</summary>
    public string Git(params string[] arguments) => System.Text.Encoding.UTF8.GetString(GitBytes(arguments));

    public byte[] GitBytes(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["HOME"] = Path;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEnd();
        copy.GetAwaiter().GetResult();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} exited {process.ExitCode}: {error}");
        }

        return output.ToArray();
    }

    /// <summary>What the repository advertises to a fetching client, as git-http-backend would send it after the service line.</summary>
    public byte[] AdvertiseRefs() => GitBytes("upload-pack", "--advertise-refs", "--stateless-rpc", Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
