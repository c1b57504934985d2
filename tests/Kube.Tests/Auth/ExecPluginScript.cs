using Kube.Auth;
using Kube.Config;
using Kube.Tests.Support;

namespace Kube.Tests.Auth;

/// <summary>
/// A shell-script exec plugin in a temp folder. It counts its runs, records its arguments (one per line) and
/// KUBERNETES_EXEC_INFO, and prints a token numbered by the run, expiring at $EXPIRY when set.
/// </summary>
public sealed class ExecPluginScript : IDisposable
{
    private readonly TempDirectory _dir = new();

    public ExecPluginScript(string body = DefaultBody)
    {
        Command = _dir.Write("plugin.sh", "#!/bin/sh\nset -e\nhere=\"$(dirname \"$0\")\"\n" + body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Command, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public const string DefaultBody = """
        n=$(( $(cat "$here/count" 2>/dev/null || echo 0) + 1 ))
        echo "$n" > "$here/count"
        printf '%s\n' "$@" > "$here/args"
        printf '%s' "$KUBERNETES_EXEC_INFO" > "$here/info"
        expiry=""
        if [ -n "$EXPIRY" ]; then expiry=",\"expirationTimestamp\":\"$EXPIRY\""; fi
        printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"token-%s"%s}}' "${API_VERSION:-client.authentication.k8s.io/v1}" "$n" "$expiry"
        """;

    public string Command { get; }

    public string Folder => _dir.Path;

    public int Runs => File.Exists(Path.Combine(Folder, "count")) ? int.Parse(File.ReadAllText(Path.Combine(Folder, "count")).Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;

    public IReadOnlyList<string> LastArguments => File.ReadAllLines(Path.Combine(Folder, "args"));

    public string LastExecInfo => File.ReadAllText(Path.Combine(Folder, "info"));

    public ExecCredentialProvider Provider(TimeProvider clock, IReadOnlyList<string>? args = null, IReadOnlyDictionary<string, string>? env = null, string apiVersion = ExecCredentialProvider.V1) =>
        new(new ExecConfig(apiVersion, Command, args ?? [], env ?? new Dictionary<string, string>()) { UserName = "alice" }, clock);

    public void Dispose() => _dir.Dispose();
}
