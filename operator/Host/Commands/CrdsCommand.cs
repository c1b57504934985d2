using System.CommandLine;
using Paas.Platform.Crds;

namespace Paas.Host.Commands;

/// <summary><c>paas-operator crds</c>: writes the CustomResourceDefinitions, and their reference doc, from the C# types.</summary>
internal static class CrdsCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "Folder to write paas.dev_<plural>.yaml files into.",
            DefaultValueFactory = _ => new DirectoryInfo("crds"),
        };
        var reference = new Option<FileInfo?>("--reference")
        {
            Description = "Also write the API reference Markdown here (make crds writes docs/api-reference.md).",
        };
        var command = new Command("crds", "Write crds/*.yaml from the paas.dev C# types.") { output, reference };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var written = (await CrdGenerator.WriteTo(parseResult.GetValue(output)!.FullName, cancellationToken)).ToList();
            if (parseResult.GetValue(reference) is { } referenceFile)
            {
                await File.WriteAllTextAsync(referenceFile.FullName, ApiReference.Render(), cancellationToken);
                written.Add(referenceFile.FullName);
            }

            foreach (var path in written)
            {
                Console.WriteLine($"wrote {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
            }

            return 0;
        });
        return command;
    }
}
