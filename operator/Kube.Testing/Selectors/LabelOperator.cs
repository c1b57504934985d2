namespace Kube.Testing.Selectors;

/// <summary>The operators a label requirement can use.</summary>
internal enum LabelOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
