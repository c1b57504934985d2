using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kube.Config;

/// <summary>Parses one kubeconfig file into its named clusters, users and contexts.</summary>
internal static class KubeconfigReader
{
    public static KubeconfigDocument ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new KubeConfigException($"{path}: cannot read the kubeconfig file: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new KubeConfigException($"{path}: cannot read the kubeconfig file: {e.Message}", e);
        }

        return Read(text, Path.GetFullPath(path));
    }

    public static KubeconfigDocument Read(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new KubeConfigException($"{file}: not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner reports some malformed input (e.g. an unclosed flow list) this way, without a position.
            throw new KubeConfigException($"{file}: not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new KubeconfigDocument([file], null, new Dictionary<string, ClusterEntry>(), new Dictionary<string, UserEntry>(), new Dictionary<string, ContextEntry>());
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new KubeConfigException($"{file}: a kubeconfig must be a YAML mapping with clusters, users and contexts");
        }

        var top = new YamlFields(root, file, "kubeconfig");
        return new KubeconfigDocument(
            [file],
            top.String("current-context") is { Length: > 0 } current ? current : null,
            ReadNamed(top, "clusters", "cluster", ReadCluster),
            ReadNamed(top, "users", "user", ReadUser),
            ReadNamed(top, "contexts", "context", ReadContext));
    }

    private static Dictionary<string, T> ReadNamed<T>(YamlFields top, string listKey, string itemKey, Func<YamlFields, string, T> read)
    {
        var entries = new Dictionary<string, T>(StringComparer.Ordinal);
        var items = top.Sequence(listKey);
        for (var index = 0; index < items.Count; index++)
        {
            var position = $"{listKey}[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (items[index] is not YamlMappingNode item)
            {
                throw new KubeConfigException($"{top.File}: {position} must be a mapping with name and {itemKey}");
            }

            var named = new YamlFields(item, top.File, position);
            var name = named.RequiredString("name");
            var body = named.Mapping(itemKey, $"{itemKey} \"{name}\"")
                ?? new YamlFields(new YamlMappingNode(), top.File, $"{itemKey} \"{name}\"");

            // kubectl keeps the first entry of a name within one file as well as across files.
            entries.TryAdd(name, read(body, name));
        }

        return entries;
    }

    private static ClusterEntry ReadCluster(YamlFields fields, string name) => new(name, fields.File)
    {
        Server = fields.String("server"),
        CertificateAuthority = fields.String("certificate-authority"),
        CertificateAuthorityData = fields.String("certificate-authority-data"),
        InsecureSkipTlsVerify = fields.Bool("insecure-skip-tls-verify"),
        TlsServerName = fields.String("tls-server-name"),
    };

    private static UserEntry ReadUser(YamlFields fields, string name) => new(name, fields.File)
    {
        ClientCertificate = fields.String("client-certificate"),
        ClientCertificateData = fields.String("client-certificate-data"),
        ClientKey = fields.String("client-key"),
        ClientKeyData = fields.String("client-key-data"),
        Token = fields.String("token"),
        TokenFile = fields.String("tokenFile"),
        Username = fields.String("username"),
        Password = fields.String("password"),
        Exec = fields.Mapping("exec", $"user \"{name}\" exec") is { } exec ? ReadExec(exec, name) : null,
        HasAuthProvider = fields.Node("auth-provider") is not null,
    };

    private static ExecConfig ReadExec(YamlFields exec, string userName)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var env = exec.Sequence("env");
        for (var index = 0; index < env.Count; index++)
        {
            var position = $"env[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (env[index] is not YamlMappingNode variable)
            {
                throw exec.Error(position, "must be a mapping with name and value");
            }

            var fields = new YamlFields(variable, exec.File, $"user \"{userName}\" exec {position}");
            environment[fields.RequiredString("name")] = fields.String("value") ?? string.Empty;
        }

        return new ExecConfig(
            exec.RequiredString("apiVersion"),
            exec.RequiredString("command"),
            exec.StringList("args"),
            environment)
        {
            InstallHint = exec.String("installHint"),
            ProvideClusterInfo = exec.Bool("provideClusterInfo"),
            WorkingDirectory = Path.GetDirectoryName(exec.File),
            UserName = userName,
        };
    }

    private static ContextEntry ReadContext(YamlFields fields, string name) => new(name, fields.File)
    {
        Cluster = fields.String("cluster"),
        User = fields.String("user"),
        Namespace = fields.String("namespace"),
    };
}
