namespace Paas.Platform.Procfiles;

/// <summary>One process type of a Procfile.</summary>
/// <param name="Name">The name as written, kept in a Release's processTypes (e.g. <c>urgent_worker</c>).</param>
/// <param name="KubernetesName">The DNS-1123 form used in object names and labels (e.g. <c>urgent-worker</c>).</param>
/// <param name="Command">The command, run by a shell, surrounding whitespace removed.</param>
/// <param name="Line">1-based line in the Procfile.</param>
public sealed record ProcessType(string Name, string KubernetesName, string Command, int Line);
