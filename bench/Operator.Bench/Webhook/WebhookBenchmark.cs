using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Paas.Webhook;

namespace Paas.Bench.Webhook;

/// <summary>
/// Latency and throughput of the admission webhook: concurrent clients posting a typical App review (CREATE of an App
/// with config vars, a domain and a two-line Procfile) to <c>/validate</c> over TLS on 127.0.0.1, the way the API server calls it.
/// </summary>
public static class WebhookBenchmark
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);

    public static async Task<WebhookLoadResult> RunAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        await using var cluster = await BenchCluster.StartAsync();
        var options = new WebhookOptions
        {
            ListenAddress = "127.0.0.1:0",
            Namespace = BenchCluster.Namespace,
            ExtraHostNames = ["127.0.0.1"],
            CertificateCheckInterval = TimeSpan.FromHours(1),
        };
        await using var webhook = await WebhookServer.StartAsync(options, cluster.Client.Dynamic, cancellationToken: cancellationToken);
        using var client = TrustingOnly(webhook);
        var review = Encoding.UTF8.GetBytes(TypicalAppReview().ToJsonString());

        await LoadAsync(client, review, concurrency, Warmup, new Latencies(), cancellationToken);
        var latencies = new Latencies();
        var clock = Stopwatch.StartNew();
        var failures = await LoadAsync(client, review, concurrency, duration, latencies, cancellationToken);
        var elapsed = clock.Elapsed;
        return new WebhookLoadResult(concurrency, latencies.Count, failures, latencies.Count / elapsed.TotalSeconds, latencies.Percentile(50), latencies.Percentile(99));
    }

    private static async Task<int> LoadAsync(HttpClient client, byte[] review, int concurrency, TimeSpan duration, Latencies latencies, CancellationToken cancellationToken)
    {
        var failures = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(
            async () =>
            {
                while (Stopwatch.GetTimestamp() < deadline)
                {
                    using var content = new ByteArrayContent(review);
                    content.Headers.ContentType = new("application/json");
                    var started = Stopwatch.GetTimestamp();
                    using var response = await client.PostAsync("validate", content, cancellationToken);
                    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    latencies.Add(Stopwatch.GetElapsedTime(started));
                    if (!response.IsSuccessStatusCode || !Encoding.UTF8.GetString(body).Contains("\"allowed\":true", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            },
            cancellationToken)));
        return failures;
    }

    // The API server's side of the connection: HTTP/2 over TLS (Go's client negotiates it by ALPN), trusting only the caBundle.
    private static HttpClient TrustingOnly(WebhookServer webhook)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(webhook.CaBundle!)));
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
            using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return chain.Build(leaf);
        };
        return new HttpClient(handler)
        {
            BaseAddress = webhook.BaseAddress,
            DefaultRequestVersion = System.Net.HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    private static JsonObject TypicalAppReview() => new()
    {
        ["apiVersion"] = "admission.k8s.io/v1",
        ["kind"] = "AdmissionReview",
        ["request"] = new JsonObject
        {
            ["uid"] = "5f0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
            ["kind"] = new JsonObject { ["group"] = "paas.dev", ["version"] = "v1alpha1", ["kind"] = "App" },
            ["resource"] = new JsonObject { ["group"] = "paas.dev", ["version"] = "v1alpha1", ["resource"] = "apps" },
            ["name"] = "shop",
            ["namespace"] = "team-a",
            ["operation"] = "CREATE",
            ["userInfo"] = new JsonObject { ["username"] = "dev@example.com", ["groups"] = new JsonArray("system:authenticated") },
            ["object"] = new JsonObject
            {
                ["apiVersion"] = "paas.dev/v1alpha1",
                ["kind"] = "App",
                ["metadata"] = new JsonObject { ["name"] = "shop", ["namespace"] = "team-a", ["labels"] = new JsonObject { ["team"] = "checkout" } },
                ["spec"] = new JsonObject
                {
                    ["source"] = new JsonObject { ["git"] = new JsonObject { ["url"] = "https://github.com/heroku/ruby-getting-started.git", ["ref"] = "main" } },
                    ["buildpacks"] = new JsonArray("heroku/ruby"),
                    ["stack"] = "heroku-24",
                    ["config"] = new JsonObject { ["DATABASE_URL"] = "postgres://db.internal/shop", ["RAILS_ENV"] = "production", ["WEB_CONCURRENCY"] = "2" },
                    ["procfile"] = "web: bundle exec puma -C config/puma.rb\nworker: bundle exec sidekiq\n",
                    ["domains"] = new JsonArray("shop.example.com", "www.shop.example.com"),
                },
            },
            ["dryRun"] = false,
        },
    };
}
