using System.Text.RegularExpressions;
using Paas.Platform.Validation;

namespace Paas.Platform.Procfiles;

/// <summary>Heroku's process type names and their Kubernetes forms: the rules shared by Procfiles, Releases and Formations.</summary>
public static partial class ProcessTypeNames
{
    /// <summary>Kubernetes' limit for a label value and a DNS-1123 label, so for both a type's name and <c>&lt;app&gt;-&lt;type&gt;</c>.</summary>
    public const int MaxLength = 63;

    public const string CharactersRule = "process type names may contain only letters, digits, \"_\" and \"-\" ([A-Za-z0-9_-]+), as on Heroku";

    /// <summary>Whether <paramref name="name"/> has Heroku's shape, <c>[A-Za-z0-9_-]+</c>.</summary>
    public static bool IsWellFormed(string name) => HerokuName().IsMatch(name);

    /// <summary>
    /// The DNS-1123 label for a process type, as Heroku's CNB Procfile parser corrects keys: lowercase, <c>_</c> to <c>-</c>;
    /// and, so that Heroku names such as <c>_worker</c> still fit, leading and trailing dashes dropped. Empty when nothing is left.
    /// </summary>
    public static string ToKubernetesName(string name) =>
        name.ToLowerInvariant().Replace('_', '-').Trim('-');

    /// <summary>The name of the Deployment (and for web the Service) that runs a process type of an App.</summary>
    public static string ObjectName(string appName, string processType) => $"{appName}-{ToKubernetesName(processType)}";

    /// <summary>A well-formed name close to <paramref name="name"/>, for fixes: runs of other characters become "-".</summary>
    public static string Suggest(string name)
    {
        var suggestion = NotAllowed().Replace(name.Trim(), "-").Trim('-');
        return suggestion.Length == 0 ? "worker" : suggestion;
    }

    /// <summary>
    /// Errors for one name on its own: characters, length, something left after mapping, and fit with the App name.
    /// <paramref name="example"/> turns a suggested name into the example in the fix, so Procfiles can show a whole line.
    /// </summary>
    internal static IEnumerable<ValidationError> Check(string name, string? appName, Func<ValidationError, ValidationError> place, Func<string, string> example)
    {
        if (!IsWellFormed(name))
        {
            yield return place(Error(name, CharactersRule, $"rename it, e.g. {Quote.Of(example(Suggest(name)))}"));
            yield break;
        }

        if (name.Length > MaxLength)
        {
            yield return place(Error(name, $"process type names may have at most {MaxLength} characters (a Kubernetes label value), this one has {name.Length}", "shorten it"));
            yield break;
        }

        var kubernetesName = ToKubernetesName(name);
        if (kubernetesName.Length == 0)
        {
            yield return place(Error(name, "process type names need a letter or digit to become a Kubernetes name", $"rename it, e.g. {Quote.Of(example("worker"))}"));
            yield break;
        }

        if (appName is not null && appName.Length + 1 + kubernetesName.Length > MaxLength)
        {
            var objectName = $"{appName}-{kubernetesName}";
            var room = MaxLength - appName.Length - 1;
            yield return place(Error(
                name,
                $"its Deployment and Service would be named \"{objectName}\", {objectName.Length} characters, more than the {MaxLength} Kubernetes allows",
                room > 0 ? $"shorten the process type to at most {room} characters or shorten the App name" : "shorten the App name"));
        }
    }

    /// <summary>The warning given when a name is accepted but runs under a different Kubernetes name.</summary>
    internal static string MappedWarning(string name, string kubernetesName) =>
        $"process type \"{name}\" runs as \"{kubernetesName}\" in Kubernetes object names and labels (lowercase, \"_\" becomes \"-\"); processTypes keeps \"{name}\"";

    private static ValidationError Error(string name, string rule, string fix) =>
        new() { Field = "", Subject = "process type", Value = Quote.Of(name), Rule = rule, Fix = fix };

    [GeneratedRegex(@"^[A-Za-z0-9_-]+\z")]
    private static partial Regex HerokuName();

    [GeneratedRegex("[^A-Za-z0-9_-]+")]
    private static partial Regex NotAllowed();
}
