namespace Paas.Samples.Tests.Health;

/// <summary>One row of an Argo CD <c>health_test.yaml</c>: a resource in <c>testdata/</c> and the health it must get.</summary>
public sealed record HealthCase(string Kind, string InputPath, string ExpectedStatus, string ExpectedMessage)
{
    public override string ToString() => $"{Kind}/{InputPath}";
}
