using System.ComponentModel;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>Names an object in the same namespace.</summary>
[Description("Names an object in the same namespace.")]
public sealed record LocalObjectReference
{
    [Description("Name of the object.")]
    [MinLength(1)]
    [MaxLength(253)]
    public required string Name { get; init; }
}
