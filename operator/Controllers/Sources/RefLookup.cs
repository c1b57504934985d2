using Paas.Platform.Sources;

namespace Paas.Controllers.Sources;

/// <summary>What a git server answered for its refs: the advertisement, or a reason and a message naming the URL and the fix.</summary>
/// <param name="Advertisement">The refs; null on failure.</param>
/// <param name="Reason">One of <see cref="SourceReasons"/> on failure.</param>
/// <param name="Message">For the App's condition and Event, on failure.</param>
public sealed record RefLookup(RefAdvertisement? Advertisement, string? Reason, string? Message)
{
    public static RefLookup Failed(string reason, string message) => new(null, reason, message);
}
