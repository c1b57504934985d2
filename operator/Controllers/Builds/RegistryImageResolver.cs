using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Paas.Platform.Builds;
using Paas.Platform.Validation;

namespace Paas.Controllers.Builds;

/// <summary>
/// Resolves a tag to a digest with the registry's HTTP API (distribution spec): <c>HEAD /v2/&lt;repo&gt;/manifests/&lt;tag&gt;</c>
/// and its <c>Docker-Content-Digest</c> header, first anonymously and, when the registry answers 401 with a Bearer
/// challenge, with an anonymous token from the challenge's realm (Docker's token flow). Registries on localhost and
/// 127.0.0.0/8 are called over plain HTTP, as docker does; every other over HTTPS.
/// </summary>
public sealed partial class RegistryImageResolver : IImageResolver
{
    // The manifest kinds a tag can point at; an index (multi-arch) digest is what a pull by tag would get.
    private static readonly string[] ManifestTypes =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];

    private readonly HttpClient http;

    public RegistryImageResolver(HttpClient http)
    {
        this.http = http ?? throw new ArgumentNullException(nameof(http));
    }

    public async Task<ImageResolution> ResolveAsync(string reference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        if (ImageReferences.IsByDigest(reference))
        {
            return ImageResolution.Resolved(reference);
        }

        if (!ImageReferences.IsValid(reference))
        {
            return ImageResolution.Refused($"spec.source.image: \"{reference}\" is not an image reference; {ImageReferences.Rule}.");
        }

        var name = ImageName.Parse(reference);
        var scheme = IsLoopback(name.Registry) ? "http" : "https";
        var url = new Uri($"{scheme}://{name.Registry}/v2/{name.Repository}/manifests/{name.Tag ?? name.Digest}");
        using var first = await HeadAsync(url, token: null, cancellationToken);
        var response = first;
        HttpResponseMessage? retried = null;
        try
        {
            if (first.StatusCode == HttpStatusCode.Unauthorized && BearerChallenge(first) is { } challenge)
            {
                var token = await TokenAsync(challenge, name, cancellationToken);
                retried = await HeadAsync(url, token, cancellationToken);
                response = retried;
            }

            return response.StatusCode switch
            {
                HttpStatusCode.OK when DigestOf(response) is { } digest => ImageResolution.Resolved($"{name.Written}@{digest}"),
                HttpStatusCode.OK => ImageResolution.Refused($"spec.source.image: registry {name.Registry} answered for \"{reference}\" without a sha256 Docker-Content-Digest; deploy the image by digest instead (name@sha256:...)."),
                HttpStatusCode.NotFound => ImageResolution.Refused($"spec.source.image: \"{reference}\" does not exist: registry {name.Registry} has no tag {name.Tag} in {name.Repository}; push it or fix the reference."),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ImageResolution.Refused($"spec.source.image: registry {name.Registry} refused to show \"{reference}\" without credentials; deploy it by digest (name@sha256:...) or make the repository public."),
                _ => throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"registry {name.Registry} answered {(int)response.StatusCode} for {url}"), null, response.StatusCode),
            };
        }
        finally
        {
            retried?.Dispose();
        }
    }

    private static bool IsLoopback(string registry)
    {
        var host = registry.StartsWith('[') ? registry[..(registry.IndexOf(']', StringComparison.Ordinal) + 1)] : registry.Split(':')[0];
        return host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    private async Task<HttpResponseMessage> HeadAsync(Uri url, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        foreach (var type in ManifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request, cancellationToken);
    }

    private async Task<string> TokenAsync(IReadOnlyDictionary<string, string> challenge, ImageName name, CancellationToken cancellationToken)
    {
        if (!challenge.TryGetValue("realm", out var realm) || !Uri.TryCreate(realm, UriKind.Absolute, out var realmUri))
        {
            throw new HttpRequestException($"registry {name.Registry} asked for a token without a usable realm");
        }

        var query = new List<string>();
        if (challenge.TryGetValue("service", out var service))
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }

        query.Add("scope=" + Uri.EscapeDataString(challenge.TryGetValue("scope", out var scope) ? scope : $"repository:{name.Repository}:pull"));
        var separator = string.IsNullOrEmpty(realmUri.Query) ? "?" : "&";
        using var response = await http.GetAsync(new Uri(realmUri + separator + string.Join('&', query)), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        foreach (var property in new[] { "token", "access_token" })
        {
            if (document.RootElement.TryGetProperty(property, out var value) && value.GetString() is { Length: > 0 } token)
            {
                return token;
            }
        }

        throw new HttpRequestException($"the token service of registry {name.Registry} answered without a token");
    }

    private static Dictionary<string, string>? BearerChallenge(HttpResponseMessage response)
    {
        var header = response.Headers.WwwAuthenticate.FirstOrDefault(h => h.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase));
        if (header?.Parameter is not { } parameter)
        {
            return null;
        }

        return ChallengeParameter().Matches(parameter).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value, StringComparer.OrdinalIgnoreCase);
    }

    private static string? DigestOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Docker-Content-Digest", out var values)
        && values.FirstOrDefault() is { } digest && Sha256Digest().IsMatch(digest)
            ? digest
            : null;

    [GeneratedRegex("(?<key>[A-Za-z]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex ChallengeParameter();

    [GeneratedRegex("^sha256:[0-9a-f]{64}\\z")]
    private static partial Regex Sha256Digest();
}
