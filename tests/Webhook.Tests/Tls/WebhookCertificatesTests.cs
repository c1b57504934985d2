using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Kube.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Paas.Webhook.Registration;
using Paas.Webhook.Tests.Support;
using Paas.Webhook.Tls;

namespace Paas.Webhook.Tests.Tls;

public sealed class WebhookCertificatesTests(ApiServer api) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Secret_is_created_when_absent_with_a_certificate_for_the_service_names()
    {
        var options = await OptionsAsync();
        using var certificates = Certificates(options);

        await certificates.EnsureAsync(CancellationToken.None);

        var secret = await ReadSecretAsync(options);
        ((string?)secret["type"]).Should().Be("kubernetes.io/tls");
        var served = certificates.Current;
        served.HasPrivateKey.Should().BeTrue();
        Thumbprint(Pem(secret, "tls.crt")).Should().Be(served.Thumbprint);
        var names = served.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().ToList();
        names.Should().Contain([$"paas-operator-webhook.{options.Namespace}.svc", $"paas-operator-webhook.{options.Namespace}.svc.cluster.local"]);
        served.NotAfter.Should().BeCloseTo(DateTime.Now.AddDays(365), TimeSpan.FromDays(1));
        ChainsTo(served, Pem(secret, "ca.crt")).Should().BeTrue();
        certificates.CaBundle.Should().Be(Convert.ToBase64String(Encoding.UTF8.GetBytes(Pem(secret, "ca.crt"))));
    }

    [Fact]
    public async Task A_valid_secret_is_reused_unchanged()
    {
        var options = await OptionsAsync();
        using var first = Certificates(options);
        await first.EnsureAsync(CancellationToken.None);
        var before = await ReadSecretAsync(options);

        using var second = Certificates(options);
        await second.EnsureAsync(CancellationToken.None);

        var after = await ReadSecretAsync(options);
        ((string?)after["metadata"]!["resourceVersion"]).Should().Be((string?)before["metadata"]!["resourceVersion"]);
        second.Current.Thumbprint.Should().Be(first.Current.Thumbprint);
    }

    [Fact]
    public async Task A_certificate_expiring_within_30_days_is_renewed_by_the_same_ca()
    {
        var options = await OptionsAsync();
        var now = DateTimeOffset.UtcNow;
        var authority = CertificateIssuer.IssueAuthority(now, TimeSpan.FromDays(3650));
        var expiring = CertificateIssuer.IssueServing(authority, options.ServingHostNames, now, TimeSpan.FromDays(20));
        await StoreSecretAsync(options, new TlsMaterial(authority.CertificatePem, authority.KeyPem, expiring.CertificatePem, expiring.KeyPem));
        using var certificates = Certificates(options);

        await certificates.EnsureAsync(CancellationToken.None);

        var secret = await ReadSecretAsync(options);
        Thumbprint(Pem(secret, "tls.crt")).Should().Be(certificates.Current.Thumbprint).And.NotBe(Thumbprint(expiring.CertificatePem));
        certificates.Current.NotAfter.Should().BeCloseTo(DateTime.Now.AddDays(365), TimeSpan.FromDays(1));
        Pem(secret, "ca.crt").Should().Be(authority.CertificatePem, "renewing the serving certificate keeps the caBundle");
        ChainsTo(certificates.Current, authority.CertificatePem).Should().BeTrue();
    }

    [Fact]
    public async Task A_ca_too_close_to_expiry_is_replaced_and_stays_in_the_bundle_until_it_expires()
    {
        var options = await OptionsAsync();
        var now = DateTimeOffset.UtcNow;
        var oldAuthority = CertificateIssuer.IssueAuthority(now, TimeSpan.FromDays(100));
        var serving = CertificateIssuer.IssueServing(oldAuthority, options.ServingHostNames, now, TimeSpan.FromDays(90));
        await StoreSecretAsync(options, new TlsMaterial(oldAuthority.CertificatePem, oldAuthority.KeyPem, serving.CertificatePem, serving.KeyPem));
        using var certificates = Certificates(options);

        await certificates.EnsureAsync(CancellationToken.None);

        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPem(Pem(await ReadSecretAsync(options), "ca.crt"));
        bundle.Should().HaveCount(2);
        bundle[0].NotAfter.Should().BeCloseTo(DateTime.Now.AddDays(3650), TimeSpan.FromDays(1));
        bundle[1].ExportCertificatePem().Should().Be(oldAuthority.CertificatePem.TrimEnd());
        ChainsTo(certificates.Current, bundle[0].ExportCertificatePem()).Should().BeTrue();
    }

    [Fact]
    public async Task A_certificate_missing_a_required_host_name_is_reissued()
    {
        var options = await OptionsAsync();
        using (var first = Certificates(options))
        {
            await first.EnsureAsync(CancellationToken.None);
        }

        var withLoopback = options with { ExtraHostNames = ["127.0.0.1"] };
        using var second = Certificates(withLoopback);
        await second.EnsureAsync(CancellationToken.None);

        second.Current.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses()
            .Should().Contain(System.Net.IPAddress.Loopback);
    }

    [Fact]
    public async Task A_secret_with_unreadable_data_is_replaced()
    {
        var options = await OptionsAsync();
        await api.Client.Dynamic.CreateAsync(Secret.Resource, new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = options.SecretName, ["namespace"] = options.Namespace },
            ["type"] = "kubernetes.io/tls",
            ["data"] = new JsonObject { ["tls.crt"] = Convert.ToBase64String("not a certificate"u8.ToArray()), ["tls.key"] = "" },
        });
        using var certificates = Certificates(options);

        await certificates.EnsureAsync(CancellationToken.None);

        ChainsTo(certificates.Current, Pem(await ReadSecretAsync(options), "ca.crt")).Should().BeTrue();
    }

    [Fact]
    public async Task Two_replicas_starting_together_end_up_serving_the_same_secret()
    {
        var options = await OptionsAsync();
        var replicas = Enumerable.Range(0, 4).Select(_ => Certificates(options)).ToList();

        await Task.WhenAll(replicas.Select(r => r.EnsureAsync(CancellationToken.None)));

        var stored = Thumbprint(Pem(await ReadSecretAsync(options), "tls.crt"));
        replicas.Select(r => r.Current.Thumbprint).Should().AllBe(stored);
        replicas.Select(r => r.CaBundle).Distinct().Should().ContainSingle();
        replicas.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task The_ca_bundle_is_written_into_both_webhook_configurations()
    {
        var options = await OptionsAsync();
        var (validating, mutating) = WebhookConfigurations.Render(options);
        await api.Client.Dynamic.CreateAsync(WellKnownResources.ValidatingWebhookConfigurations, validating);
        await api.Client.Dynamic.CreateAsync(WellKnownResources.MutatingWebhookConfigurations, mutating);
        using var certificates = Certificates(options);

        await certificates.EnsureAsync(CancellationToken.None);

        foreach (var type in new[] { WellKnownResources.ValidatingWebhookConfigurations, WellKnownResources.MutatingWebhookConfigurations })
        {
            var configuration = await api.Client.Dynamic.GetAsync(type, options.ConfigurationName, null);
            var bundles = configuration["webhooks"]!.AsArray().Select(w => (string?)w!["clientConfig"]!["caBundle"]).ToList();
            bundles.Should().NotBeEmpty().And.AllBe(certificates.CaBundle);
            ((string?)configuration["webhooks"]![0]!["clientConfig"]!["service"]!["name"]).Should().Be("paas-operator-webhook", "the rest of the configuration is kept");
        }
    }

    [Fact]
    public async Task A_ca_bundle_reset_by_a_chart_upgrade_is_written_again_on_the_next_check()
    {
        var options = await OptionsAsync();
        var (validating, _) = WebhookConfigurations.Render(options);
        await api.Client.Dynamic.CreateAsync(WellKnownResources.ValidatingWebhookConfigurations, validating);
        using var certificates = Certificates(options);
        await certificates.EnsureAsync(CancellationToken.None);
        var stored = await api.Client.Dynamic.GetAsync(WellKnownResources.ValidatingWebhookConfigurations, options.ConfigurationName, null);
        stored["webhooks"]![0]!["clientConfig"]!.AsObject().Remove("caBundle");
        await api.Client.Dynamic.ReplaceAsync(WellKnownResources.ValidatingWebhookConfigurations, stored);

        await certificates.EnsureAsync(CancellationToken.None);

        var repaired = await api.Client.Dynamic.GetAsync(WellKnownResources.ValidatingWebhookConfigurations, options.ConfigurationName, null);
        ((string?)repaired["webhooks"]![0]!["clientConfig"]!["caBundle"]).Should().Be(certificates.CaBundle);
    }

    private async Task<WebhookOptions> OptionsAsync()
    {
        var ns = await api.NewNamespaceAsync("operator");
        return new WebhookOptions { Namespace = ns, ConfigurationName = $"paas-operator-{ns}" };
    }

    private WebhookCertificates Certificates(WebhookOptions options) => new(api.Client.Dynamic, options, NullLogger.Instance);

    private Task<JsonObject> ReadSecretAsync(WebhookOptions options) => api.Client.Dynamic.GetAsync(Secret.Resource, options.SecretName, options.Namespace);

    private Task<JsonObject> StoreSecretAsync(WebhookOptions options, TlsMaterial material) => api.Client.Dynamic.CreateAsync(Secret.Resource, new JsonObject
    {
        ["metadata"] = new JsonObject { ["name"] = options.SecretName, ["namespace"] = options.Namespace },
        ["type"] = "kubernetes.io/tls",
        ["data"] = material.ToSecretData(),
    });

    private static string Pem(JsonObject secret, string key) => Encoding.UTF8.GetString(Convert.FromBase64String((string)secret["data"]![key]!));

    private static string Thumbprint(string pem)
    {
        using var certificate = X509Certificate2.CreateFromPem(pem);
        return certificate.Thumbprint;
    }

    private static bool ChainsTo(X509Certificate2 leaf, string authorityPem)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.Add(X509Certificate2.CreateFromPem(authorityPem));
        return chain.Build(leaf);
    }
}
