namespace Kube.Testing.Schema;

/// <summary>A CRD schema this server cannot enforce faithfully, e.g. a validation rule outside the supported CEL subset.</summary>
internal sealed class SchemaBuildException(IReadOnlyList<string> problems)
    : Exception("the CRD schema cannot be used: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
