namespace Paas.Platform.Sources;

/// <summary>The result of reading a ref advertisement: the refs, or why the body is not one.</summary>
/// <param name="Advertisement">The refs; null when <paramref name="Error"/> is set.</param>
/// <param name="Error">What is wrong with the body, in words fit for a user's condition message.</param>
public sealed record AdvertisementParse(RefAdvertisement? Advertisement, string? Error)
{
    public static AdvertisementParse Failed(string error) => new(null, error);
}
