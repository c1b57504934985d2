using System.Text.RegularExpressions;

namespace Paas.Platform.Validation;

/// <summary>The DNS-1123 name rules Kubernetes applies to the objects paas.dev objects point at.</summary>
public static partial class KubernetesNames
{
    public const string SubdomainRule = "Kubernetes object names are at most 253 lowercase letters, digits, \"-\" and \".\", starting and ending with a letter or digit (RFC 1123)";

    public static bool IsSubdomain(string name) => name.Length <= 253 && Subdomain().IsMatch(name);

    /// <summary>An error for an object name at <paramref name="field"/>, or null when it is valid.</summary>
    public static ValidationError? CheckSubdomain(string field, string name, string subject = "name") =>
        IsSubdomain(name)
            ? null
            : ValidationError.Invalid(field, Quote.Of(name), SubdomainRule, $"use the object's name as kubectl shows it, e.g. {Quote.Of(Suggest(name))}", subject);

    private static string Suggest(string name)
    {
        var suggestion = NotAllowed().Replace(name.ToLowerInvariant(), "-").Trim('-', '.');
        return suggestion.Length == 0 ? "my-secret" : suggestion;
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z")]
    private static partial Regex Subdomain();

    [GeneratedRegex("[^a-z0-9.-]+")]
    private static partial Regex NotAllowed();
}
