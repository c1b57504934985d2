using System.Globalization;
using System.Text.Json.Nodes;
using Kube.Auth;
using Kube.Tests.Support;

namespace Kube.Tests.Auth;

public sealed class ExecCredentialProviderTests : IDisposable
{
    private readonly ExecPluginScript _plugin = new();
    private readonly ManualClock _clock = new();

    public void Dispose() => _plugin.Dispose();

    [Fact]
    public async Task Credential_without_expiry_is_cached_after_one_run()
    {
        using var provider = _plugin.Provider(_clock);

        var first = await provider.GetCredentialAsync(null, default);
        var second = await provider.GetCredentialAsync(null, default);

        first.Token.Should().Be("token-1");
        second.Should().BeSameAs(first);
        _plugin.Runs.Should().Be(1);
    }

    [Fact]
    public async Task Credential_is_refreshed_shortly_before_it_expires()
    {
        var expiry = _clock.GetUtcNow().AddMinutes(10);
        using var provider = _plugin.Provider(_clock, env: Env(("EXPIRY", expiry.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))));

        (await provider.GetCredentialAsync(null, default)).Token.Should().Be("token-1");
        _clock.Advance(TimeSpan.FromMinutes(9));
        (await provider.GetCredentialAsync(null, default)).Token.Should().Be("token-1", "a minute of validity is left");

        _clock.Advance(TimeSpan.FromSeconds(55));
        var refreshed = await provider.GetCredentialAsync(null, default);

        refreshed.Token.Should().Be("token-2", "5 s before expiry is inside the refresh margin");
        _plugin.Runs.Should().Be(2);
    }

    [Fact]
    public async Task Credential_that_already_expired_is_never_reused()
    {
        var past = _clock.GetUtcNow().AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture);
        using var provider = _plugin.Provider(_clock, env: Env(("EXPIRY", past)));

        await provider.GetCredentialAsync(null, default);
        var second = await provider.GetCredentialAsync(null, default);

        second.Token.Should().Be("token-2");
        second.Expiration.Should().Be(DateTimeOffset.Parse(past, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Rejected_credential_reruns_the_plugin_once_for_all_callers()
    {
        using var provider = _plugin.Provider(_clock);
        var rejected = await provider.GetCredentialAsync(null, default);

        var fresh = await provider.GetCredentialAsync(rejected, default);
        var again = await provider.GetCredentialAsync(rejected, default);

        fresh.Token.Should().Be("token-2");
        again.Should().BeSameAs(fresh, "a second caller holding the same rejected credential gets the new one");
        _plugin.Runs.Should().Be(2);
    }

    [Fact]
    public async Task Arguments_are_passed_as_a_list_with_spaces_and_quotes_intact()
    {
        using var provider = _plugin.Provider(_clock, args: ["token", "--cluster", "my cluster", "it's \"quoted\"", "$HOME"]);

        await provider.GetCredentialAsync(null, default);

        _plugin.LastArguments.Should().Equal("token", "--cluster", "my cluster", "it's \"quoted\"", "$HOME");
    }

    [Fact]
    public async Task Plugin_environment_and_exec_info_are_set()
    {
        using var provider = _plugin.Provider(_clock, env: Env(("API_VERSION", ExecCredentialProvider.V1Beta1)), apiVersion: ExecCredentialProvider.V1Beta1);

        var credential = await provider.GetCredentialAsync(null, default);

        credential.Token.Should().Be("token-1");
        var info = JsonNode.Parse(_plugin.LastExecInfo)!;
        ((string?)info["apiVersion"]).Should().Be(ExecCredentialProvider.V1Beta1);
        ((string?)info["kind"]).Should().Be("ExecCredential");
        ((bool?)info["spec"]!["interactive"]).Should().BeFalse();
    }

    [Fact]
    public async Task Failing_plugin_reports_command_exit_code_and_stderr()
    {
        using var failing = new ExecPluginScript("echo 'login expired: run sso login' >&2\nexit 3\n");
        using var provider = failing.Provider(_clock);

        var error = await Assert.ThrowsAsync<ExecCredentialException>(() => provider.GetCredentialAsync(null, default));

        error.Message.Should().Contain(failing.Command).And.Contain("user \"alice\"").And.Contain("exit code 3").And.Contain("login expired: run sso login");
    }

    [Fact]
    public async Task Output_that_is_not_an_exec_credential_is_quoted()
    {
        using var chatty = new ExecPluginScript("echo 'Please open https://login.example to sign in'\n");
        using var provider = chatty.Provider(_clock);

        var error = await Assert.ThrowsAsync<ExecCredentialException>(() => provider.GetCredentialAsync(null, default));

        error.Message.Should().Contain("not JSON").And.Contain("Please open https://login.example");
    }

    [Fact]
    public async Task Answer_in_another_api_version_is_rejected()
    {
        using var provider = _plugin.Provider(_clock, env: Env(("API_VERSION", ExecCredentialProvider.V1Beta1)));

        var error = await Assert.ThrowsAsync<ExecCredentialException>(() => provider.GetCredentialAsync(null, default));

        error.Message.Should().Contain("client.authentication.k8s.io/v1beta1").And.Contain("asks for \"client.authentication.k8s.io/v1\"");
    }

    [Fact]
    public async Task Missing_command_shows_the_install_hint()
    {
        var config = new Kube.Config.ExecConfig(ExecCredentialProvider.V1, "/nonexistent/kubelogin", [], new Dictionary<string, string>())
        {
            InstallHint = "Install kubelogin: https://example.test/kubelogin",
        };
        using var provider = new ExecCredentialProvider(config, _clock);

        var error = await Assert.ThrowsAsync<ExecCredentialException>(() => provider.GetCredentialAsync(null, default));

        error.Message.Should().Contain("/nonexistent/kubelogin").And.Contain("could not be started").And.Contain("Install kubelogin");
    }

    [Fact]
    public async Task Plugin_relative_command_resolves_against_the_kubeconfig_folder()
    {
        var config = new Kube.Config.ExecConfig(ExecCredentialProvider.V1, "./plugin.sh", [], new Dictionary<string, string>())
        {
            WorkingDirectory = _plugin.Folder,
        };
        using var provider = new ExecCredentialProvider(config, _clock);

        (await provider.GetCredentialAsync(null, default)).Token.Should().Be("token-1");
    }

    private static Dictionary<string, string> Env(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value);
}
