using Paas.Platform.Validation;

namespace Paas.Platform.Procfiles;

/// <summary>
/// Parses Procfiles as Heroku runs them (one <c>type: command</c> per line, blank and <c>#</c> lines ignored)
/// and, where Heroku would silently drop or overwrite a line, reports it instead.
/// </summary>
public static class Procfile
{
    /// <summary>Parses <paramref name="text"/>; errors and warnings name <paramref name="field"/> and the line.</summary>
    /// <param name="text">The Procfile; LF or CRLF line endings, an optional UTF-8 byte order mark.</param>
    /// <param name="appName">When given, also checks that <c>&lt;app&gt;-&lt;type&gt;</c> fits a Kubernetes name.</param>
    /// <param name="field">How errors name the Procfile, e.g. <c>spec.procfile</c>.</param>
    public static ProcfileParseResult Parse(string text, string? appName = null, string field = "Procfile")
    {
        var parser = new LineParser(field, appName);
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            parser.Read(lines[index].TrimEnd('\r'), index + 1);
        }

        return parser.Finish();
    }

    /// <summary>Reads lines one at a time, remembering earlier types to catch duplicates and collisions.</summary>
    private sealed class LineParser(string field, string? appName)
    {
        private readonly List<ProcessType> types = [];
        private readonly List<ValidationError> errors = [];
        private readonly List<ValidationWarning> warnings = [];

        public void Read(string line, int number)
        {
            var content = line.TrimStart(' ', '\t');
            if (string.IsNullOrWhiteSpace(content) || content.StartsWith('#'))
            {
                return;
            }

            var colon = content.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                Reject(line, number, "each line must be \"type: command\" (a process type, a colon, then the command) and this line has no colon", $"write it as \"type: command\", e.g. {Quote.Of(Example(content))}, or start it with \"#\" to make it a comment");
                return;
            }

            var name = content[..colon];
            var command = content[(colon + 1)..].Trim();
            if (!ReadName(line, number, name, command))
            {
                return;
            }

            if (command.Length == 0)
            {
                Reject(line, number, $"process type \"{name}\" has no command", "add the command to run after the colon, or delete the line");
                return;
            }

            if (content.Length != line.Length)
            {
                warnings.Add(new ValidationWarning($"{field} line {number}", $"the whitespace before process type \"{name}\" is ignored here, but classic Heroku skips such lines; remove it"));
            }

            Add(new ProcessType(name, ProcessTypeNames.ToKubernetesName(name), command, number), line);
        }

        public ProcfileParseResult Finish()
        {
            if (types.Count == 0 && errors.Count == 0)
            {
                warnings.Add(new ValidationWarning(field, "no process types are defined; add lines such as \"web: <command>\""));
            }

            return new ProcfileParseResult([.. types], [.. errors], [.. warnings]);
        }

        private bool ReadName(string line, int number, string name, string command)
        {
            var shownCommand = command.Length == 0 ? "<command>" : command;
            if (name.Length == 0)
            {
                Reject(line, number, "the process type before the colon is missing", $"add one, e.g. {Quote.Of($"web: {shownCommand}")}");
                return false;
            }

            var trimmed = name.TrimEnd();
            if (trimmed.Length < name.Length && ProcessTypeNames.IsWellFormed(trimmed))
            {
                Reject(line, number, "a process type must be followed directly by a colon", $"remove the space before the colon: {Quote.Of($"{trimmed}: {shownCommand}")}");
                return false;
            }

            if (trimmed.Any(char.IsWhiteSpace))
            {
                Reject(line, number, $"each line must be \"type: command\" and the text before the first colon, {Quote.Of(trimmed)}, is not a process type", WordsFix(trimmed, command, line));
                return false;
            }

            var nameErrors = ProcessTypeNames.Check(name, appName, e => AtLine(e, line, number), suggestion => $"{suggestion}: {command}").ToList();
            errors.AddRange(nameErrors);
            return nameErrors.Count == 0;
        }

        private void Add(ProcessType type, string line)
        {
            if (types.Find(t => t.Name == type.Name) is { } same)
            {
                Reject(line, type.Line, $"process type \"{type.Name}\" is already defined on line {same.Line}, and Heroku would silently run only the last definition", "remove one of the two lines or rename one process type");
                return;
            }

            if (types.Find(t => t.KubernetesName == type.KubernetesName) is { } clash)
            {
                Reject(line, type.Line, $"process types \"{clash.Name}\" (line {clash.Line}) and \"{type.Name}\" both become \"{type.KubernetesName}\" in Kubernetes names", "rename one of them");
                return;
            }

            if (type.KubernetesName != type.Name)
            {
                warnings.Add(new ValidationWarning($"{field} line {type.Line}", ProcessTypeNames.MappedWarning(type.Name, type.KubernetesName)));
            }

            types.Add(type);
        }

        private void Reject(string line, int number, string rule, string fix) =>
            errors.Add(AtLine(new ValidationError { Field = field, Rule = rule, Fix = fix }, line, number));

        private ValidationError AtLine(ValidationError error, string line, int number) =>
            error with { Field = field, Line = number, Subject = "", Value = Quote.Of(line) };

        // "web rails s" or "web=rails s" most likely lacks a colon after a type; anything else most likely lacks the type.
        private static string Example(string content)
        {
            var equals = content.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && CommonTypes.Contains(content[..equals]))
            {
                return $"{content[..equals]}: {content[(equals + 1)..].Trim()}";
            }

            var words = content.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
            return words switch
            {
                [var type, var command] when CommonTypes.Contains(type) => $"{type}: {command.Trim()}",
                [var type] when ProcessTypeNames.IsWellFormed(type) => $"{type}: <command>",
                _ => $"web: {content.Trim()}",
            };
        }

        // Words before the colon are a command missing its type ("rake jobs:work"), a type written with
        // spaces ("my worker: ..."), or a type behind list punctuation ("- web: ..."); say which fixes fit.
        private static string WordsFix(string beforeColon, string command, string line)
        {
            var words = beforeColon.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words is [var mark, var type] && !mark.Any(char.IsLetterOrDigit) && ProcessTypeNames.IsWellFormed(type))
            {
                return $"remove {Quote.Of(mark)} before the process type: {Quote.Of($"{type}: {command}")}";
            }

            var missingType = $"start the line with a process type and a colon, e.g. {Quote.Of($"web: {line.Trim()}")}";
            return words.All(ProcessTypeNames.IsWellFormed)
                ? $"{missingType}, or join the words of the type with \"-\", e.g. {Quote.Of($"{string.Join('-', words)}: {command}")}"
                : missingType;
        }

        private static readonly HashSet<string> CommonTypes = new(StringComparer.OrdinalIgnoreCase)
        {
            "web", "worker", "release", "clock", "scheduler", "console", "urgentworker",
        };
    }
}
