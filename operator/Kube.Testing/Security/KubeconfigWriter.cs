using System.Text;

namespace Kube.Testing.Security;

/// <summary>Writes a kubeconfig with one cluster, user and context pointing at the test server.</summary>
internal static class KubeconfigWriter
{
    public static void Write(string path, Uri server, string? caPem, string? token, string? @namespace)
    {
        const string name = "kube-testing";
        var text = new StringBuilder();
        text.AppendLine("apiVersion: v1");
        text.AppendLine("kind: Config");
        text.AppendLine("clusters:");
        text.AppendLine($"- name: {name}");
        text.AppendLine("  cluster:");
        text.AppendLine($"    server: {server.GetLeftPart(UriPartial.Authority)}");
        if (caPem is not null)
            text.AppendLine($"    certificate-authority-data: {Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem))}");
        text.AppendLine("users:");
        text.AppendLine($"- name: {name}");
        text.AppendLine(token is null ? "  user: {}" : "  user:");
        if (token is not null)
            text.AppendLine($"    token: \"{token}\"");
        text.AppendLine("contexts:");
        text.AppendLine($"- name: {name}");
        text.AppendLine("  context:");
        text.AppendLine($"    cluster: {name}");
        text.AppendLine($"    user: {name}");
        if (@namespace is not null)
            text.AppendLine($"    namespace: {@namespace}");
        text.AppendLine($"current-context: {name}");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        File.WriteAllText(path, text.ToString());
    }
}
