using System.CommandLine;
using Paas.Host.Running.Settings;
using Paas.Platform;
using Paas.Platform.Manifests;
using Paas.Platform.Rendering.Offline;

namespace Paas.Host.Commands;

/// <summary>
/// <c>paas-operator render</c>: prints the Kubernetes objects the operator would create for paas.dev manifests, with
/// no cluster, as <c>helm template</c> does for a chart: for review, diffs in pull requests and policy checks.
/// </summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var files = new Option<string[]>("--filename", "-f") { Description = "Manifest file with Apps, Formations, Builds, Releases; - reads standard input. Repeatable.", Required = true, AllowMultipleArgumentsPerToken = true };
        var settings = new Option<string?>("--settings") { Description = "Platform settings YAML (the chart's settings.yaml); default: built-in defaults." };
        var @namespace = new Option<string>("--namespace", "-n") { Description = "Namespace of objects whose manifest names none.", DefaultValueFactory = _ => "default" };
        var image = new Option<string?>("--image") { Description = "Image to release for Apps with neither a Release nor a Build with spec.source.image, e.g. what their git Build would produce." };
        var values = new Option<string?>("--values") { Description = "A values file of the paas-operator chart; its settings: block is used, as the chart hands it to the operator." };
        var procfile = new Option<string?>("--procfile") { Description = "Procfile with the process types of that image, for Apps without spec.procfile (a build reads it from the source)." };
        var command = new Command("render", "Print the Kubernetes objects the operator would create for paas.dev manifests (no cluster needed).") { files, settings, values, @namespace, image, procfile };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new RenderRequest(parseResult.GetValue(files)!, parseResult.GetValue(settings), parseResult.GetValue(@namespace)!, parseResult.GetValue(image), parseResult.GetValue(procfile), parseResult.GetValue(values)),
            Console.In, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>Writes the objects as YAML to <paramref name="output"/>; warnings and errors go to <paramref name="errors"/>. Returns the exit code.</summary>
    public static async Task<int> RunAsync(RenderRequest request, TextReader input, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        PlatformSettings platform;
        string? procfile = null;
        var manifests = new List<PaasManifest>();
        try
        {
            platform = await LoadSettingsAsync(request, cancellationToken);
            if (request.ProcfileFile is { } procfilePath)
            {
                procfile = await ReadFileAsync(procfilePath, "--procfile", cancellationToken);
            }

            foreach (var file in request.Files)
            {
                var text = file == "-" ? await input.ReadToEndAsync(cancellationToken) : await ReadFileAsync(file, "-f", cancellationToken);
                manifests.AddRange(PaasManifest.ReadYaml(text));
            }
        }
        catch (Exception e) when (e is SettingsFileException or RenderInputException or YamlDotNet.Core.YamlException)
        {
            await errors.WriteLineAsync($"error: {e.Message}");
            return 2;
        }

        var result = OfflineRenderer.Render(manifests, platform, new OfflineRenderOptions { Namespace = request.Namespace, Image = request.Image, Procfile = procfile });
        foreach (var warning in result.Warnings)
        {
            await errors.WriteLineAsync($"warning: {warning}");
        }

        foreach (var error in result.Errors)
        {
            await errors.WriteLineAsync($"error: {error}");
        }

        if (!result.Succeeded)
        {
            return 1;
        }

        await output.WriteAsync(ManifestYaml.Write(result.Objects));
        return 0;
    }

    private static async Task<PlatformSettings> LoadSettingsAsync(RenderRequest request, CancellationToken cancellationToken)
    {
        if (request.SettingsFile is not null && request.ValuesFile is not null)
        {
            throw new RenderInputException("--settings and --values both give the platform settings; pass one of them.");
        }

        if (request.ValuesFile is not { } valuesPath)
        {
            return request.SettingsFile is { } path ? SettingsFile.Load(path) : PlatformSettings.Default;
        }

        var documents = YamlJson.ReadDocuments(await ReadFileAsync(valuesPath, "--values", cancellationToken));
        if (documents.Count > 1 || documents.FirstOrDefault() is not (null or System.Text.Json.Nodes.JsonObject))
        {
            throw new RenderInputException($"--values: {valuesPath} is not a Helm values file (one YAML mapping); give the file you pass to helm install -f.");
        }

        // JSON is YAML, so the settings block is read by the same parser and checks as the operator's settings file.
        return documents.FirstOrDefault()?["settings"] is { } block
            ? SettingsFile.Parse(block.ToJsonString(), $"{valuesPath} (settings)")
            : PlatformSettings.Default;
    }

    private static async Task<string> ReadFileAsync(string path, string option, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new RenderInputException(option == "-f"
                ? $"-f: file {path} does not exist; give the path of a manifest file, or - to read standard input."
                : $"{option}: file {path} does not exist; give the path of {(option == "--values" ? "a values file, e.g. --values my-values.yaml" : "a Procfile, e.g. --procfile ./Procfile")}.");
        }

        return await File.ReadAllTextAsync(path, cancellationToken);
    }

    private sealed class RenderInputException(string message) : Exception(message);
}
