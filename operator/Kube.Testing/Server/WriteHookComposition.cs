using Kube.Testing.Admission;
using Kube.Testing.Apply;
using Kube.Testing.Resources;
using Kube.Testing.Schema;
using Kube.Testing.Storage;

namespace Kube.Testing.Server;

/// <summary>The one place that chooses which field manager, schemas and admission chain the write path calls.</summary>
internal static class WriteHookComposition
{
    public static WriteHooks Default(ObjectStore store) => new(
        new FieldManager(),
        new SchemaProvider(),
        new AdmissionChain(
            (name, _) => Task.FromResult(store.Get(new ObjectKey(BuiltInResources.Namespaces, null, name))?.Labels),
            service => throw new WebhookCallException(
                $"clientConfig.service {service.Namespace}/{service.Name} cannot be reached: the in-process API server has no cluster DNS; use clientConfig.url")));
}
