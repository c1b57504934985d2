using System.Globalization;

namespace Paas.Platform.Builds;

/// <summary>A failed build's reason and message: which step failed, the last lines it wrote, and how to read its whole log.</summary>
public sealed record BuildFailure(string Reason, string Message)
{
    /// <summary>Lines of the failing step quoted in the message; the kubelet keeps at most 80 lines or 4 KiB of them.</summary>
    public const int QuotedLines = 10;

    /// <summary>Longest quote; Build status is read in <c>kubectl describe</c> and Argo CD, where a screenful is plenty.</summary>
    public const int MaxQuoteLength = 2000;

    /// <summary>
    /// The failure of <paramref name="step"/> in <paramref name="pod"/>: "<c>compile failed: ...last lines... Full log:
    /// kubectl logs -n ns pod -c build</c>". A null pod (deleted, never scheduled) says so instead of naming a command.
    /// </summary>
    public static BuildFailure Of(string reason, string step, string? stepMessage, string? @namespace, string? pod)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ArgumentException.ThrowIfNullOrEmpty(step);
        var what = reason switch
        {
            BuildFailureReasons.SourceFailed => "fetching the source failed",
            BuildFailureReasons.DetectFailed => "detecting buildpacks failed",
            BuildFailureReasons.PushFailed => "pushing the image failed",
            BuildFailureReasons.TimedOut => "the build timed out",
            _ => "compiling the slug failed",
        };
        var quote = LastLines(stepMessage);
        var text = quote.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{what} in step {step} and it left no message. ")
            : string.Create(CultureInfo.InvariantCulture, $"{what} in step {step}:\n{quote}\n");
        return new BuildFailure(reason, text + LogLocation(step, @namespace, pod));
    }

    /// <summary>Where the log of <paramref name="step"/> is, as the command that prints it.</summary>
    public static string LogLocation(string step, string? @namespace, string? pod) =>
        pod is null
            ? "The build pod no longer exists, so its log is gone; start a new Build to see it again."
            : $"Full log: kubectl logs -n {@namespace} {pod} -c {step}";

    /// <summary>The last <see cref="QuotedLines"/> non-blank lines of <paramref name="text"/>, at most <see cref="MaxQuoteLength"/> characters.</summary>
    public static string LastLines(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(line => line.TrimEnd())
            .Where(line => line.Length > 0)
            .TakeLast(QuotedLines);
        var quote = string.Join('\n', lines);
        return quote.Length <= MaxQuoteLength ? quote : "…" + quote[^(MaxQuoteLength - 1)..];
    }
}
