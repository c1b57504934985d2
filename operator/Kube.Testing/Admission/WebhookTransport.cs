using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace Kube.Testing.Admission;

/// <summary>Posts an AdmissionReview to a webhook over HTTPS trusting only its <c>caBundle</c>, within its timeout.</summary>
internal static class WebhookTransport
{
    public static async Task<JsonObject> PostAsync(Uri url, string? caBundleBase64, TimeSpan timeout, JsonObject review, CancellationToken cancellationToken)
    {
        var trusted = ParseCaBundle(caBundleBase64);
        using var handler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = timeout };
        if (trusted is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => Validate(certificate, chain, errors, trusted);
        }
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var target = WithTimeoutQuery(url, timeout);
        try
        {
            using var content = new StringContent(review.ToJsonString(), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(target, content, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new WebhookCallException($"received invalid webhook response: HTTP {(int)response.StatusCode}: {Truncate(body)}");
            }
            return JsonNode.Parse(body) as JsonObject
                ?? throw new WebhookCallException("received invalid webhook response: the body is not a JSON object");
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WebhookCallException($"failed to call webhook: Post \"{target}\": context deadline exceeded", error);
        }
        catch (HttpRequestException error)
        {
            throw new WebhookCallException($"failed to call webhook: Post \"{target}\": {Describe(error)}", error);
        }
        catch (System.Text.Json.JsonException error)
        {
            throw new WebhookCallException($"received invalid webhook response: {error.Message}", error);
        }
    }

    private static X509Certificate2Collection? ParseCaBundle(string? caBundleBase64)
    {
        if (string.IsNullOrEmpty(caBundleBase64))
        {
            return null;
        }
        try
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(caBundleBase64)));
            return certificates.Count > 0 ? certificates : throw new WebhookCallException("clientConfig.caBundle holds no PEM certificate");
        }
        catch (Exception error) when (error is FormatException or CryptographicException)
        {
            throw new WebhookCallException($"clientConfig.caBundle is not base64-encoded PEM certificates: {error.Message}", error);
        }
    }

    // The CA bundle is the only trusted root: the chain is rebuilt against it, and the host name must still match.
    private static bool Validate(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors, X509Certificate2Collection trusted)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }

    private static Uri WithTimeoutQuery(Uri url, TimeSpan timeout)
    {
        var builder = new UriBuilder(url);
        var parameter = $"timeout={(int)timeout.TotalSeconds}s";
        builder.Query = string.IsNullOrEmpty(builder.Query) ? parameter : builder.Query.TrimStart('?') + "&" + parameter;
        return builder.Uri;
    }

    private static string Describe(HttpRequestException error)
    {
        var innermost = error.GetBaseException();
        return innermost == error ? error.Message : $"{error.Message} ({innermost.Message})";
    }

    private static string Truncate(string body) => body.Length <= 200 ? body : body[..200] + "...";
}
