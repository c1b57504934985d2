namespace Kube.Testing.Schema;

/// <summary>Field paths in Kubernetes' printed form: <c>spec.processes[web].quantity</c>, <c>spec.domains[2]</c>.</summary>
internal static class SchemaPath
{
    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Index(string path, int index) => $"{path}[{index}]";

    public static string Key(string path, string key) => $"{path}[{key}]";

    /// <summary>Appends a rule's <c>fieldPath</c> (<c>.spec.x</c> or <c>['x']</c>) to the path of the schema node that holds the rule.</summary>
    public static string Append(string path, string relative) =>
        path.Length == 0 ? relative.TrimStart('.') : path + (relative.StartsWith('.') || relative.StartsWith('[') ? relative : "." + relative);
}
