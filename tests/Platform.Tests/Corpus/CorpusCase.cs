using System.Text.Json;
using System.Text.Json.Nodes;
using Paas.Platform.Manifests;

namespace Paas.Platform.Tests.Corpus;

/// <summary>One case of a corpus file under Corpus/: its input fields and the exact messages it must produce.</summary>
internal sealed record CorpusCase(string File, int Index, JsonObject Fields)
{
    public string Name => (string)Fields["name"]!;

    public IReadOnlyList<string> Errors => Strings("errors");

    /// <summary>Expected warnings; null when the case does not state them.</summary>
    public IReadOnlyList<string>? Warnings => Fields.ContainsKey("warnings") ? Strings("warnings") : null;

    public override string ToString() => $"{File}: {Name}";

    public static IReadOnlyList<CorpusCase> Load(string file)
    {
        var text = System.IO.File.ReadAllText(Path.Combine(RepoPaths.Corpus, file));
        var cases = (JsonArray)YamlJson.ReadDocuments(text).Single()!;
        return [.. cases.Select((c, i) => new CorpusCase(file, i, (JsonObject)c!))];
    }

    /// <summary>Theory data: one row per case, named "file#index" so a failure says which case.</summary>
    public static TheoryData<string> Names(params string[] files)
    {
        var data = new TheoryData<string>();
        foreach (var file in files)
        {
            foreach (var corpusCase in Load(file))
            {
                data.Add($"{file}#{corpusCase.Index}");
            }
        }

        return data;
    }

    public static CorpusCase Find(string id)
    {
        var hash = id.LastIndexOf('#');
        return Load(id[..hash])[int.Parse(id[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture)];
    }

    /// <summary>With PAAS_CORPUS_DUMP set to a directory, records what the code produced, for reviewing new cases.</summary>
    public void Dump(IEnumerable<string> errors, IEnumerable<string> warnings)
    {
        if (Environment.GetEnvironmentVariable("PAAS_CORPUS_DUMP") is not { Length: > 0 } directory)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var json = new JsonObject
        {
            ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)e)]),
            ["warnings"] = new JsonArray([.. warnings.Select(w => (JsonNode)w)]),
        };
        System.IO.File.WriteAllText(Path.Combine(directory, $"{File}#{Index}.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private IReadOnlyList<string> Strings(string key) =>
        Fields[key] is JsonArray array ? [.. array.Select(n => (string)n!)] : [];
}
