using Paas.Platform.Procfiles;

namespace Paas.Platform.Tests.Corpus;

public sealed class ProcfileCorpusTests
{
    public static TheoryData<string> Bad => CorpusCase.Names("procfiles-bad.yaml");

    public static TheoryData<string> Good => CorpusCase.Names("procfiles-good.yaml");

    [Theory]
    [MemberData(nameof(Bad))]
    public void Bad_procfile_is_rejected_with_exact_messages(string id)
    {
        var corpusCase = CorpusCase.Find(id);
        var result = Parse(corpusCase);

        corpusCase.Dump(result.Errors.Select(e => e.Message), result.Warnings.Select(w => w.Message));
        corpusCase.Errors.Should().NotBeEmpty("a bad case must state the errors it expects");
        result.Errors.Select(e => e.Message).Should().Equal(corpusCase.Errors);
        result.IsValid.Should().BeFalse();
        result.Errors.Should().OnlyContain(e => e.Line != null, "every Procfile error names its line");
    }

    [Theory]
    [MemberData(nameof(Good))]
    public void Good_procfile_is_accepted_with_its_process_types(string id)
    {
        var corpusCase = CorpusCase.Find(id);
        var result = Parse(corpusCase);

        corpusCase.Dump(result.Errors.Select(e => e.Message), result.Warnings.Select(w => w.Message));
        result.Errors.Select(e => e.Message).Should().BeEmpty();
        var expectedTypes = corpusCase.Fields["types"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);
        result.ProcessTypes.ToDictionary(p => p.Name, p => p.KubernetesName).Should().Equal(expectedTypes);
        result.Warnings.Select(w => w.Message).Should().Equal(corpusCase.Warnings ?? []);
        if (corpusCase.Fields["commands"] is { } commands)
        {
            result.ToProcessTypeMap().Should().Equal(commands.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!));
        }
    }

    private static ProcfileParseResult Parse(CorpusCase corpusCase) =>
        Procfile.Parse((string)corpusCase.Fields["procfile"]!, (string?)corpusCase.Fields["app"]);
}
