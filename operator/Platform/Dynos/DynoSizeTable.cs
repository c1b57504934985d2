namespace Paas.Platform.Dynos;

/// <summary>The dyno sizes a platform offers: Heroku's by default, replaced or extended by the chart.</summary>
public sealed class DynoSizeTable
{
    // CPU follows memory: 250m per 512Mi. Shared sizes may burst to 4x their request, like
    // Heroku's "1x-4x compute"; performance sizes are dedicated, so the limit equals the request.
    private static readonly DynoSize[] HerokuSizes =
    [
        new("eco", "512Mi", "250m", "1000m"),
        new("basic", "512Mi", "250m", "1000m"),
        new("standard-1x", "512Mi", "250m", "1000m"),
        new("standard-2x", "1Gi", "500m", "2000m"),
        new("performance-m", "2560Mi", "1250m", "1250m"),
        new("performance-l", "14Gi", "7000m", "7000m"),
    ];

    private readonly Dictionary<string, DynoSize> byName;

    /// <summary>A table of the given sizes, in the given order.</summary>
    public DynoSizeTable(IEnumerable<DynoSize> sizes)
    {
        Sizes = [.. sizes];
        byName = new Dictionary<string, DynoSize>(StringComparer.Ordinal);
        foreach (var size in Sizes)
        {
            if (!byName.TryAdd(size.Name, size))
            {
                throw new ArgumentException($"dyno size \"{size.Name}\" is listed twice; keep one entry per size name", nameof(sizes));
            }
        }
    }

    /// <summary>Heroku's six sizes with the defaults documented in docs/api-reference.md.</summary>
    public static DynoSizeTable Default { get; } = new(HerokuSizes);

    public IReadOnlyList<DynoSize> Sizes { get; }

    public IEnumerable<string> Names => Sizes.Select(s => s.Name);

    public DynoSize? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>This table with sizes of the same name replaced and new names appended, as chart values override it.</summary>
    public DynoSizeTable WithOverrides(IEnumerable<DynoSize> overrides)
    {
        var merged = Sizes.ToList();
        foreach (var size in overrides)
        {
            var index = merged.FindIndex(s => s.Name == size.Name);
            if (index >= 0)
            {
                merged[index] = size;
            }
            else
            {
                merged.Add(size);
            }
        }

        return new DynoSizeTable(merged);
    }
}
