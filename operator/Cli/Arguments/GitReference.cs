using Paas.Cli.Failures;
using Paas.Platform.Api;
using Paas.Platform.Validation;

namespace Paas.Cli.Arguments;

/// <summary>A <c>--git URL[#ref]</c> argument: the clone URL and, after <c>#</c>, the branch, tag or commit.</summary>
public static class GitReference
{
    public static GitSource Parse(string option, string argument)
    {
        var hash = argument.LastIndexOf('#');
        var url = hash < 0 ? argument : argument[..hash];
        var gitRef = hash < 0 ? null : argument[(hash + 1)..];
        if (!GitSources.IsValidUrl(url))
        {
            throw new UsageException($"{option}: URL \"{url}\" is invalid: {GitSources.UrlRule}; e.g. {option} https://github.com/team/shop.git#main");
        }

        if (gitRef is not null && !GitSources.IsValidRef(gitRef))
        {
            throw new UsageException($"{option}: ref \"{gitRef}\" is invalid: {GitSources.RefRule}; e.g. {option} {url}#main, or leave out #ref for the default branch");
        }

        return new GitSource { Url = url, Ref = gitRef };
    }

    /// <summary>How a git source is shown: <c>URL#ref</c>.</summary>
    public static string Describe(GitSource git) => git.Ref is { } gitRef ? $"{git.Url}#{gitRef}" : git.Url;
}
