using System.Text.RegularExpressions;

namespace Paas.Platform.Validation;

/// <summary>Heroku's App name rule, which also makes every App name a valid Kubernetes name and prefix.</summary>
public static partial class AppNames
{
    public const string Rule = "App names follow Heroku's rules: 3 to 30 lowercase letters, digits and dashes, starting with a letter and not ending with a dash (^[a-z][a-z0-9-]{1,28}[a-z0-9]$)";

    public static bool IsValid(string name) => Shape().IsMatch(name);

    /// <summary>An error for <paramref name="name"/> at <paramref name="field"/>, or null when it is valid.</summary>
    public static ValidationError? Check(string field, string? name, string subject = "App name")
    {
        if (string.IsNullOrEmpty(name))
        {
            return ValidationError.Because(field, "the App name is missing", $"set it, e.g. \"my-app\"");
        }

        return IsValid(name) ? null : ValidationError.Invalid(field, Quote.Of(name), Rule, $"rename it, e.g. {Quote.Of(Suggest(name))}", subject);
    }

    /// <summary>A valid name close to <paramref name="name"/>, for fixes.</summary>
    public static string Suggest(string name)
    {
        var suggestion = NotAllowed().Replace(name.ToLowerInvariant(), "-").Trim('-');
        if (suggestion.Length == 0)
        {
            return "my-app";
        }

        if (!char.IsAsciiLetterLower(suggestion[0]))
        {
            suggestion = "app-" + suggestion;
        }

        if (suggestion.Length > 30)
        {
            suggestion = suggestion[..30].TrimEnd('-');
        }

        return suggestion.Length < 3 ? suggestion + "-app" : suggestion;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9-]{1,28}[a-z0-9]\z")]
    private static partial Regex Shape();

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex NotAllowed();
}
