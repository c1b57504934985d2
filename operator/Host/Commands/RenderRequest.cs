namespace Paas.Host.Commands;

/// <summary>What <c>paas-operator render</c> was asked for.</summary>
/// <param name="Files">Manifest files to read, in order; <c>-</c> is standard input.</param>
/// <param name="SettingsFile">Platform settings YAML, as the chart mounts it; null for the defaults.</param>
/// <param name="Namespace">Namespace of objects whose manifest names none.</param>
/// <param name="Image">Image to release for Apps without a Release or an image Build.</param>
/// <param name="ProcfileFile">A Procfile with the process types of that image, for Apps without spec.procfile.</param>
/// <param name="ValuesFile">A Helm values file of the chart, whose <c>settings</c> are the platform settings; instead of <paramref name="SettingsFile"/>.</param>
internal sealed record RenderRequest(IReadOnlyList<string> Files, string? SettingsFile, string Namespace, string? Image, string? ProcfileFile = null, string? ValuesFile = null);
