using Microsoft.Extensions.Logging.Abstractions;
using Paas.Webhook.Tls;

namespace Paas.Webhook.Tests.Tls;

public sealed class MountedCertificateTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("mounted-cert-").FullName;

    [Fact]
    public void Mounted_files_are_served()
    {
        var issued = Write("paas-operator-webhook.paas-system.svc");

        var mounted = MountedCertificate.Load(directory, TimeSpan.FromSeconds(1), NullLogger.Instance);

        mounted.Current.HasPrivateKey.Should().BeTrue();
        mounted.Current.Subject.Should().Be("CN=paas-operator-webhook.paas-system.svc");
        mounted.Current.ExportCertificatePem().Should().Be(issued.CertificatePem.TrimEnd());
    }

    [Fact]
    public void Renewed_files_are_picked_up_and_unchanged_files_are_not_reloaded()
    {
        Write("first.paas-system.svc");
        var mounted = MountedCertificate.Load(directory, TimeSpan.FromSeconds(1), NullLogger.Instance);
        var first = mounted.Current;

        mounted.Reload().Should().BeFalse();
        Write("second.paas-system.svc");
        mounted.Reload().Should().BeTrue();

        mounted.Current.Should().NotBeSameAs(first);
        mounted.Current.Subject.Should().Be("CN=second.paas-system.svc");
    }

    [Fact]
    public void Missing_files_fail_with_a_message_naming_the_folder()
    {
        var load = () => MountedCertificate.Load(directory, TimeSpan.FromSeconds(1), NullLogger.Instance);

        load.Should().Throw<FileNotFoundException>().WithMessage($"the webhook certificate is not mounted: {directory}/tls.crt and {directory}/tls.key must exist*");
    }

    [Fact]
    public void Files_that_are_not_a_certificate_fail_with_a_message()
    {
        File.WriteAllText(Path.Combine(directory, "tls.crt"), "garbage");
        File.WriteAllText(Path.Combine(directory, "tls.key"), "garbage");

        var load = () => MountedCertificate.Load(directory, TimeSpan.FromSeconds(1), NullLogger.Instance);

        load.Should().Throw<InvalidDataException>().WithMessage("*tls.crt and tls.key are not a PEM certificate and its key*");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private PemPair Write(string host)
    {
        var now = DateTimeOffset.UtcNow;
        var authority = CertificateIssuer.IssueAuthority(now, TimeSpan.FromDays(30));
        var serving = CertificateIssuer.IssueServing(authority, [host], now, TimeSpan.FromDays(10));
        File.WriteAllText(Path.Combine(directory, "tls.crt"), serving.CertificatePem + "\n" + authority.CertificatePem);
        File.WriteAllText(Path.Combine(directory, "tls.key"), serving.KeyPem);
        return serving;
    }
}
