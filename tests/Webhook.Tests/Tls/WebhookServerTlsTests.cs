using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Kube.Models;
using Paas.Webhook.Tests.Support;

namespace Paas.Webhook.Tests.Tls;

public sealed class WebhookServerTlsTests(ApiServer api) : IClassFixture<ApiServer>
{
    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task The_webhook_speaks_tls_1_2_and_1_3_with_a_certificate_its_ca_bundle_trusts(SslProtocols protocol)
    {
        await using var webhook = await StartAsync(TimeSpan.FromMinutes(1));

        var (negotiated, certificate) = await HandshakeAsync(webhook, protocol);

        negotiated.Should().Be(protocol);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.ImportFromPem(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(webhook.CaBundle!)));
        chain.Build(certificate).Should().BeTrue();
    }

    [Fact]
    public async Task A_renewed_certificate_is_served_without_a_restart()
    {
        var options = await OptionsAsync(TimeSpan.FromMilliseconds(100));
        await using var webhook = await WebhookServer.StartAsync(options, api.Client.Dynamic);
        var (_, before) = await HandshakeAsync(webhook, SslProtocols.Tls13);

        // Deleting the Secret is what a rotation looks like from here: the next check issues and serves a new certificate.
        await api.Client.Dynamic.DeleteAsync(Secret.Resource, options.SecretName, options.Namespace);

        var after = await Eventually.Async(
            async () => (await HandshakeAsync(webhook, SslProtocols.Tls13)).Certificate,
            served => served.Thumbprint != before.Thumbprint,
            "a new certificate served");
        var secret = await api.Client.Dynamic.GetAsync(Secret.Resource, options.SecretName, options.Namespace);
        using var stored = X509Certificate2.CreateFromPem(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)secret["data"]!["tls.crt"]!)));
        after.Thumbprint.Should().Be(stored.Thumbprint);
    }

    [Fact]
    public async Task The_webhook_answers_reviews_over_tls()
    {
        await using var webhook = await StartAsync(TimeSpan.FromMinutes(1));
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        using var client = new HttpClient(handler) { BaseAddress = webhook.BaseAddress };

        using var response = await client.PostAsync("validate", new StringContent(Reviews.Create(Manifests.Read(Manifests.BadApp)).ToJsonString()));

        var review = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        ((bool?)review["response"]!["allowed"]).Should().BeFalse();
        ((string?)review["response"]!["status"]!["message"]).Should().Contain("MY-KEY");
    }

    private async Task<WebhookServer> StartAsync(TimeSpan checkInterval) =>
        await WebhookServer.StartAsync(await OptionsAsync(checkInterval), api.Client.Dynamic);

    private async Task<WebhookOptions> OptionsAsync(TimeSpan checkInterval) => new()
    {
        ListenAddress = "127.0.0.1:0",
        Namespace = await api.NewNamespaceAsync("tls"),
        ExtraHostNames = ["127.0.0.1"],
        CertificateCheckInterval = checkInterval,
    };

    private static async Task<(SslProtocols Protocol, X509Certificate2 Certificate)> HandshakeAsync(WebhookServer webhook, SslProtocols protocol)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(webhook.BaseAddress.Host, webhook.BaseAddress.Port);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            EnabledSslProtocols = protocol,
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        return (tls.SslProtocol, X509CertificateLoader.LoadCertificate(tls.RemoteCertificate!.GetRawCertData()));
    }
}
