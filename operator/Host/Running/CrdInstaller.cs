using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;

namespace Paas.Host.Running;

/// <summary>Installs CustomResourceDefinitions from YAML files and waits until the API server serves them.</summary>
internal static class CrdInstaller
{

    /// <summary>Applies every <c>*.yaml</c> in <paramref name="directory"/> and returns the CRD names once all are Established.</summary>
    public static async Task<IReadOnlyList<string>> InstallAsync(IDynamicKubeClient client, string directory, TimeSpan establishTimeout, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"CRD folder {directory} does not exist; run from the repository root or pass --crds <folder>.");
        }

        var names = new List<string>();
        foreach (var file in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var yaml = await File.ReadAllTextAsync(file, cancellationToken);
            foreach (var crd in ManifestYaml.Parse(yaml, file))
            {
                var applied = await client.ApplyAsync(WellKnownResources.CustomResourceDefinitions, crd, new ApplyOptions("paas-operator", Force: true), cancellationToken: cancellationToken);
                names.Add(applied["metadata"]!["name"]!.GetValue<string>());
            }
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(establishTimeout);
        foreach (var name in names)
        {
            try
            {
                await WaitEstablishedAsync(client, name, deadline.Token);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"CustomResourceDefinition {name} was not Established within {establishTimeout}; check its status conditions with kubectl describe crd {name}.", e);
            }
        }

        return names;
    }

    private static async Task WaitEstablishedAsync(IDynamicKubeClient client, string name, CancellationToken cancellationToken)
    {
        while (!IsEstablished(await client.GetAsync(WellKnownResources.CustomResourceDefinitions, name, null, cancellationToken)))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private static bool IsEstablished(JsonObject crd) =>
        crd["status"]?["conditions"] is JsonArray conditions &&
        conditions.Any(c => c?["type"]?.GetValue<string>() == "Established" && c["status"]?.GetValue<string>() == "True");
}
