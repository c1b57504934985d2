namespace Paas.Platform.Sources;

/// <summary>A git URL the operator can poll, or the message that says why not and what to do.</summary>
/// <param name="Target">Set when the URL can be polled.</param>
/// <param name="Message">Set when it cannot; names spec.source.git.url, its value and the fix.</param>
public sealed record SourcePollTargetCheck(SourcePollTarget? Target, string? Message);
