namespace Paas.Buildpacks.Tests.Support;

/// <summary>A temporary folder for one test's apps, slugs and caches, deleted afterwards.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory()
        : this(System.IO.Path.GetTempPath())
    {
    }

    private ScratchDirectory(string parent)
    {
        Path = System.IO.Path.Combine(parent, "paas-buildpacks-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>
    /// A folder in /dev/shm, a tmpfs and so another filesystem than the temp folder where the other scratch folders
    /// live (as a Kaniko build's cache volume is); the temp folder where /dev/shm is missing.
    /// </summary>
    public static ScratchDirectory OnAnotherFilesystem() =>
        new(Directory.Exists("/dev/shm") ? "/dev/shm" : System.IO.Path.GetTempPath());

    /// <summary>A path inside the folder, not yet created.</summary>
    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a file, creating its folders; an executable one gets mode 755.</summary>
    public string Write(string relativePath, string text, bool executable = false)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        if (executable)
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        }

        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A dyno killed a moment ago may still hold a file open; the OS cleans /tmp eventually.
        }
        catch (UnauthorizedAccessException)
        {
            // npm can leave read-only folders; the OS cleans /tmp eventually.
        }
    }
}
