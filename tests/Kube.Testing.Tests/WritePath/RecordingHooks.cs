using System.Text.Json.Nodes;
using Kube.Testing.Server;

namespace Kube.Testing.Tests.WritePath;

/// <summary>Wraps real write hooks and records the order in which the write path calls them; admission verdicts can be scripted.</summary>
internal sealed class RecordingHooks(WriteHooks inner)
{
    public List<string> Calls { get; } = [];

    /// <summary>Decides the admission result; null lets the inner chain decide.</summary>
    public Func<AdmissionAttributes, AdmissionResult?> Verdict { get; set; } = _ => null;

    public WriteHooks Hooks => new(new Fields(this, inner.FieldManager), new Schemas(this, inner.Schemas), new Admission(this, inner.Admission));

    private void Record(string call)
    {
        lock (Calls)
            Calls.Add(call);
    }

    private sealed class Fields(RecordingHooks owner, IFieldManager inner) : IFieldManager
    {
        public FieldManagerResult Apply(ResourceContext resource, IResourceSchema schema, JsonObject? live, JsonObject applied, string manager, bool force, DateTimeOffset now)
        {
            owner.Record("apply");
            return inner.Apply(resource, schema, live, applied, manager, force, now);
        }

        public JsonObject Update(ResourceContext resource, IResourceSchema schema, JsonObject? live, JsonObject updated, string manager, DateTimeOffset now)
        {
            owner.Record("update-managed-fields");
            return inner.Update(resource, schema, live, updated, manager, now);
        }
    }

    private sealed class Schemas(RecordingHooks owner, ISchemaProvider inner) : ISchemaProvider
    {
        public IResourceSchema For(ResourceContext resource, JsonObject? crd) => new Schema(owner, inner.For(resource, crd));
    }

    private sealed class Schema(RecordingHooks owner, IResourceSchema inner) : IResourceSchema
    {
        public void ApplyDefaults(JsonObject obj)
        {
            owner.Record("defaults");
            inner.ApplyDefaults(obj);
        }

        public void Prune(JsonObject obj)
        {
            owner.Record("prune");
            inner.Prune(obj);
        }

        public IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old)
        {
            owner.Record("validate");
            return inner.Validate(obj, old);
        }

        public IReadOnlyList<string>? ListMapKeys(IReadOnlyList<string> path) => inner.ListMapKeys(path);
    }

    private sealed class Admission(RecordingHooks owner, IAdmissionChain inner) : IAdmissionChain
    {
        public async Task<AdmissionResult> AdmitAsync(AdmissionAttributes attributes, CancellationToken cancellationToken)
        {
            owner.Record(attributes.Operation == "DELETE" ? "admission-delete" : "admission");
            return owner.Verdict(attributes) ?? await inner.AdmitAsync(attributes, cancellationToken);
        }
    }
}
