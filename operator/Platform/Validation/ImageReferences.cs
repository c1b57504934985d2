using System.Text.RegularExpressions;

namespace Paas.Platform.Validation;

/// <summary>Container image references, by the grammar of the distribution project: [registry[:port]/]repository[:tag][@digest].</summary>
public static partial class ImageReferences
{
    public const string Rule = "image references look like [registry[:port]/]repository[:tag][@sha256:digest], with a lowercase repository";

    public const string DigestRule = "a Release runs an image by digest, repository@sha256:<64 lowercase hex digits>, so that it never changes";

    public static bool IsValid(string reference) => reference.Length <= 1024 && Reference().IsMatch(reference);

    public static bool IsByDigest(string reference) => IsValid(reference) && Digest().IsMatch(reference);

    /// <summary>An error for an image reference at <paramref name="field"/>, a warning when it can change under the same name, or neither.</summary>
    internal static void Check(string field, string reference, Findings findings)
    {
        if (!IsValid(reference))
        {
            var lower = reference.ToLowerInvariant();
            var scheme = reference.IndexOf("://", StringComparison.Ordinal);
            var fix = lower != reference && IsValid(lower) ? $"write the repository in lowercase: {Quote.Of(lower)}"
                : scheme > 0 && IsValid(reference[(scheme + 3)..]) ? $"drop the scheme: {Quote.Of(reference[(scheme + 3)..])}"
                : "e.g. \"registry.example.com/team/app:1.2\" or \"ghcr.io/org/app@sha256:<64 hex digits>\"";
            findings.Add(ValidationError.Invalid(field, Quote.Of(reference), Rule, fix, "image"));
            return;
        }

        if (!reference.Contains('@', StringComparison.Ordinal) && !HasTag(reference))
        {
            findings.Warn(field, $"image {Quote.Of(reference)} has neither tag nor digest, so it means \":latest\" and can change; pin a tag or a digest");
        }
    }

    /// <summary>An error unless <paramref name="reference"/> is a valid reference by sha256 digest.</summary>
    internal static ValidationError? CheckByDigest(string field, string reference) =>
        IsByDigest(reference)
            ? null
            : ValidationError.Invalid(field, Quote.Of(reference), DigestRule, "use the image a Build reports in status.image, e.g. \"registry.example.com/team/app@sha256:<digest>\"", "image");

    private static bool HasTag(string reference)
    {
        var lastSlash = reference.LastIndexOf('/');
        return reference.IndexOf(':', lastSlash + 1) > 0;
    }

    [GeneratedRegex(@"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?\z")]
    private static partial Regex Reference();

    [GeneratedRegex(@"@sha256:[0-9a-f]{64}\z")]
    private static partial Regex Digest();
}
