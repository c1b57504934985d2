namespace Kube.Models;

/// <summary>Where an environment variable's value comes from (core/v1 EnvVarSource); only the downward API is modelled.</summary>
public sealed record EnvVarSource
{
    public ObjectFieldSelector? FieldRef { get; init; }
}
