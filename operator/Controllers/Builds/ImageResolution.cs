namespace Paas.Controllers.Builds;

/// <summary>A resolved image by digest, or why the registry would not give one.</summary>
public sealed record ImageResolution(string? Image, string? Error)
{
    public static ImageResolution Resolved(string image) => new(image, null);

    public static ImageResolution Refused(string error) => new(null, error);
}
