namespace Kube.Testing.Apply;

/// <summary>One <c>metadata.managedFields</c> entry: the fields one manager owns through one operation (Apply or Update) on one subresource.</summary>
internal sealed record ManagedFieldsEntry(string Manager, string Operation, string ApiVersion, string? Time, string? Subresource, FieldSet Fields)
{
    public const string ApplyOperation = "Apply";
    public const string UpdateOperation = "Update";

    public bool IsFor(string manager, string operation, string? subresource) =>
        Manager == manager && Operation == operation && (Subresource ?? "") == (subresource ?? "");
}
