using System.Text.RegularExpressions;

namespace Paas.Platform.Validation;

/// <summary>Custom domains: lowercase RFC 1123 hostnames, with a wildcard only as the whole leftmost label, as Ingress hosts allow.</summary>
public static partial class DomainNames
{
    public const string LabelRule = "each dot-separated label must be 1 to 63 lowercase letters, digits or \"-\", starting and ending with a letter or digit (RFC 1123)";

    /// <summary>All errors of a domain list at <paramref name="field"/>: the first problem of each entry, and duplicates.</summary>
    public static IEnumerable<ValidationError> Check(string field, IReadOnlyList<string>? domains)
    {
        if (domains is null)
        {
            yield break;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < domains.Count; i++)
        {
            var path = $"{field}[{i}]";
            var domain = domains[i] ?? "";
            if (CheckOne(path, domain) is { } error)
            {
                yield return error;
            }
            else if (!seen.TryAdd(domain, i))
            {
                yield return ValidationError.Invalid(path, Quote.Of(domain), $"it is already listed at {field}[{seen[domain]}]", "remove the duplicate", "domain");
            }
        }
    }

    /// <summary>The first problem with one domain, or null when it is valid.</summary>
    public static ValidationError? CheckOne(string field, string domain)
    {
        ValidationError Invalid(string rule, string fix) => ValidationError.Invalid(field, Quote.Of(domain), rule, fix, "domain");

        if (domain.Length == 0)
        {
            return Invalid("a domain cannot be empty", "remove the entry or write a hostname such as \"www.example.com\"");
        }

        if (domain.Contains("://", StringComparison.Ordinal) || domain.Contains('/', StringComparison.Ordinal) || domain.Contains(':', StringComparison.Ordinal))
        {
            return Invalid("a domain is a hostname alone, without scheme, port or path", $"write it as {Quote.Of(HostOf(domain))}");
        }

        if (domain.EndsWith('.'))
        {
            return Invalid("domains are written without the trailing dot", $"write it as {Quote.Of(domain.TrimEnd('.'))}");
        }

        if (domain.Any(char.IsAsciiLetterUpper))
        {
            return Invalid("domains must be lowercase, as Kubernetes Ingress hosts are", $"write it as {Quote.Of(domain.ToLowerInvariant())}");
        }

        if (domain.Length > 253)
        {
            return Invalid($"a domain may have at most 253 characters, this one has {domain.Length}", "use a shorter hostname");
        }

        var labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return Invalid("a custom domain needs at least two labels, such as \"www.example.com\"", "write the full hostname");
        }

        if (labels.All(l => l.Length > 0 && l.All(char.IsAsciiDigit)))
        {
            return Invalid("an IP address cannot be a custom domain, Ingress routes by hostname", "use a hostname whose DNS points at the platform's load balancer");
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i].Contains('*', StringComparison.Ordinal))
            {
                if (i == 0 && labels[i] == "*" && labels.Length >= 3)
                {
                    continue;
                }

                return Invalid(
                    "a wildcard is allowed only as the whole leftmost label of a name with at least two more labels, as in \"*.example.com\"",
                    labels.Length >= 3
                        ? $"put the wildcard alone in the leftmost label, e.g. {Quote.Of("*." + string.Join('.', labels[^2..]))}, or list each hostname"
                        : "list each hostname, or use a wildcard below a registered domain, e.g. \"*.example.com\"");
            }

            if (!Label().IsMatch(labels[i]))
            {
                return Invalid(LabelRule, labels[i].Length == 0 ? "remove the empty label (\"..\")" : $"correct the label {Quote.Of(labels[i])}");
            }
        }

        return null;
    }

    private static string HostOf(string text)
    {
        var host = text;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        var end = host.IndexOfAny(['/', ':', '?', '#']);
        return (end >= 0 ? host[..end] : host).ToLowerInvariant();
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\z")]
    private static partial Regex Label();
}
