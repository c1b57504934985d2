namespace Kube.Models;

/// <summary>Selects objects by labels (metav1.LabelSelector); only <c>matchLabels</c> is modelled.</summary>
public sealed record LabelSelector
{
    public IReadOnlyDictionary<string, string>? MatchLabels { get; init; }
}
