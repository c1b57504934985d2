using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Config;

namespace Kube.Auth;

/// <summary>
/// Runs an exec credential plugin (client.authentication.k8s.io v1 or v1beta1), caches what it returns and runs it
/// again shortly before the credential expires or after the server rejected it.
/// </summary>
public sealed class ExecCredentialProvider(ExecConfig config, TimeProvider timeProvider, ExecClusterInfo? clusterInfo = null) : IDisposable
{
    public const string V1 = "client.authentication.k8s.io/v1";
    public const string V1Beta1 = "client.authentication.k8s.io/v1beta1";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ExecCredential? _cached;

    /// <summary>How long before expiry a credential is replaced, so a request never leaves with one about to lapse.</summary>
    public static TimeSpan RefreshAhead { get; } = TimeSpan.FromSeconds(10);

    /// <summary>A plugin that runs longer than this (waiting for input nobody gives) is killed.</summary>
    public TimeSpan PluginTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public ExecConfig Config { get; } = config;

    /// <summary>
    /// The cached credential while it is fresh; otherwise runs the plugin. Passing the credential the server just rejected
    /// forces a new run, once, however many requests were rejected with it.
    /// </summary>
    public async Task<ExecCredential> GetCredentialAsync(ExecCredential? rejected, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } cached && !ReferenceEquals(cached, rejected) && IsFresh(cached))
            {
                return cached;
            }

            _cached = await RunAsync(cancellationToken);
            return _cached;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsFresh(ExecCredential credential) =>
        credential.Expiration is not { } expiration || timeProvider.GetUtcNow() < expiration - RefreshAhead;

    private async Task<ExecCredential> RunAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ResolveCommand())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Config.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Config.Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["KUBERNETES_EXEC_INFO"] = ExecInfo();

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            var hint = Config.InstallHint is { Length: > 0 } installHint ? " " + installHint.Trim() : string.Empty;
            throw new ExecCredentialException($"{Describe()} could not be started: {e.Message}.{hint}", e);
        }

        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PluginTimeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(stdout, stderr);
        }
        catch (OperationCanceledException)
        {
            StopQuietly(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ExecCredentialException($"{Describe()} did not finish within {PluginTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s and was stopped; does it wait for input?");
        }

        if (process.ExitCode != 0)
        {
            throw new ExecCredentialException(
                $"{Describe()} failed with exit code {process.ExitCode.ToString(CultureInfo.InvariantCulture)}: {Excerpt(await stderr)}");
        }

        return Parse(await stdout);
    }

    private static void StopQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own between the timeout and the kill.
        }
    }

    private string ResolveCommand()
    {
        // As in client-go: a relative path with a directory part is relative to the kubeconfig, a bare name is looked up on PATH.
        var command = Config.Command;
        return !Path.IsPathRooted(command) && command.Contains('/', StringComparison.Ordinal) && Config.WorkingDirectory is { } folder
            ? Path.GetFullPath(command, folder)
            : command;
    }

    private string ExecInfo()
    {
        var spec = new JsonObject { ["interactive"] = false };
        if (clusterInfo is not null && Config.ProvideClusterInfo)
        {
            spec["cluster"] = clusterInfo.ToJson();
        }

        return new JsonObject { ["apiVersion"] = Config.ApiVersion, ["kind"] = "ExecCredential", ["spec"] = spec }.ToJsonString();
    }

    private ExecCredential Parse(string output)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(output) as JsonObject;
        }
        catch (JsonException e)
        {
            throw new ExecCredentialException($"{Describe()} printed output that is not JSON: {Excerpt(output)}", e);
        }

        if (root is null || (string?)root["kind"] != "ExecCredential")
        {
            throw new ExecCredentialException($"{Describe()} printed JSON that is not an ExecCredential: {Excerpt(output)}");
        }

        if ((string?)root["apiVersion"] != Config.ApiVersion)
        {
            throw new ExecCredentialException($"{Describe()} answered with apiVersion \"{(string?)root["apiVersion"]}\" but the kubeconfig asks for \"{Config.ApiVersion}\"");
        }

        var status = root["status"] as JsonObject
            ?? throw new ExecCredentialException($"{Describe()} printed an ExecCredential without status");
        var token = (string?)status["token"];
        var certificateData = (string?)status["clientCertificateData"];
        var keyData = (string?)status["clientKeyData"];
        DateTimeOffset? expiration = null;
        if ((string?)status["expirationTimestamp"] is { Length: > 0 } timestamp)
        {
            expiration = DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new ExecCredentialException($"{Describe()} returned status.expirationTimestamp \"{timestamp}\", which is not an RFC 3339 time");
        }

        if (!string.IsNullOrEmpty(certificateData) || !string.IsNullOrEmpty(keyData))
        {
            if (string.IsNullOrEmpty(certificateData) || string.IsNullOrEmpty(keyData))
            {
                throw new ExecCredentialException($"{Describe()} returned only one of status.clientCertificateData and status.clientKeyData; both are needed");
            }

            var (leaf, chain) = PemCredentials.LoadClientCertificate(Encoding.ASCII.GetBytes(certificateData), Encoding.ASCII.GetBytes(keyData), Describe());
            return new ExecCredential { Token = token, ClientCertificate = leaf, ClientCertificateChain = chain, Expiration = expiration };
        }

        return string.IsNullOrEmpty(token)
            ? throw new ExecCredentialException($"{Describe()} returned neither status.token nor status.clientCertificateData")
            : new ExecCredential { Token = token, Expiration = expiration };
    }

    private string Describe() =>
        Config.UserName is { } user ? $"exec plugin \"{Config.Command}\" of user \"{user}\"" : $"exec plugin \"{Config.Command}\"";

    private static string Excerpt(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? "(no output)" : trimmed.Length <= 500 ? trimmed : trimmed[..500] + "…";
    }
}
