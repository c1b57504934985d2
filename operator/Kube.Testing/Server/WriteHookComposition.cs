namespace Kube.Testing.Server;

/// <summary>The one place that chooses which field manager, schemas and admission chain the write path calls.</summary>
internal static class WriteHookComposition
{
    public static WriteHooks Default() => new(new InterimFieldManager(), new InterimSchemaProvider(), new AllowAllAdmission());
}
