using Paas.Cli.Failures;
using Paas.Platform.Validation;

namespace Paas.Cli.Arguments;

/// <summary>One <c>KEY=VALUE</c> of <c>paas config:set</c>; the value may itself contain <c>=</c> and may be empty.</summary>
public sealed record ConfigAssignment(string Key, string Value)
{
    public static ConfigAssignment Parse(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            throw new UsageException($"{argument}: expected KEY=VALUE, e.g. {ExampleKey(argument)}=bar");
        }

        var key = argument[..equals];
        if (key.Length == 0)
        {
            throw new UsageException($"{argument}: the config var name before \"=\" is missing; expected KEY=VALUE, e.g. FOO{argument}");
        }

        CheckKey(key);
        return new ConfigAssignment(key, argument[(equals + 1)..]);
    }

    /// <summary>Heroku's key rule, checked before anything is sent.</summary>
    public static void CheckKey(string key)
    {
        if (!ConfigVars.IsValidKey(key))
        {
            var error = ConfigVars.Check("KEY", new Dictionary<string, string> { [key] = string.Empty }).First();
            throw new UsageException($"{key}: {error.Rule}; {error.Fix}");
        }
    }

    private static string ExampleKey(string argument) => ConfigVars.IsValidKey(argument) ? argument : "FOO";
}
