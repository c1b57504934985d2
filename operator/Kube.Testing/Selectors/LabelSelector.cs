namespace Kube.Testing.Selectors;

/// <summary>A parsed label selector: every requirement must hold (Kubernetes ANDs them).</summary>
internal sealed record LabelSelector(IReadOnlyList<LabelRequirement> Requirements)
{
    public static LabelSelector Everything { get; } = new([]);

    public bool Matches(IReadOnlyDictionary<string, string> labels) => Requirements.All(r => r.Matches(labels));
}
