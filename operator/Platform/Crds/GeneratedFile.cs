namespace Paas.Platform.Crds;

/// <summary>A file the generators produce: its name relative to the output directory and its text.</summary>
public sealed record GeneratedFile(string FileName, string Content);
