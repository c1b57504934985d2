using Kube.Testing.Lifecycle;
using Kube.Testing.Storage;

namespace Kube.Testing.Server;

/// <summary>How a write was asked for: the field manager, dry run, force (apply only) and delete propagation.</summary>
internal sealed record WriteOptions(
    string FieldManager, bool DryRun, bool Force = false, PropagationPolicy? Propagation = null, FieldValidation FieldValidation = FieldValidation.Warn);

/// <summary>What to do with fields the schema does not know (the fieldValidation query parameter; Warn is the default).</summary>
internal enum FieldValidation
{
    Ignore,
    Warn,
    Strict,
}

/// <summary>What a write produced: the object as stored (or as it would be, on dry run), the HTTP status and admission warnings.</summary>
internal sealed record WriteResult(StoredObject Object, int StatusCode, IReadOnlyList<string> Warnings);

/// <summary>A delete's preconditions from DeleteOptions; empty strings mean none.</summary>
internal sealed record DeletePreconditions(string? Uid, string? ResourceVersion);
