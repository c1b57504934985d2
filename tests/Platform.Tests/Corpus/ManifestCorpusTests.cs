using System.Text.Json.Nodes;
using Paas.Platform.Api;
using Paas.Platform.Dynos;
using Paas.Platform.Manifests;
using Paas.Platform.Validation;

namespace Paas.Platform.Tests.Corpus;

public sealed class ManifestCorpusTests
{
    private static readonly Dictionary<string, string> KindOfFile = new()
    {
        ["apps-bad.yaml"] = "App",
        ["builds-bad.yaml"] = "Build",
        ["releases-bad.yaml"] = "Release",
        ["formations-bad.yaml"] = "Formation",
    };

    public static TheoryData<string> Bad => CorpusCase.Names([.. KindOfFile.Keys]);

    public static TheoryData<string> Good => CorpusCase.Names("good-manifests.yaml");

    [Theory]
    [MemberData(nameof(Bad))]
    public void Bad_manifest_is_rejected_with_exact_messages(string id)
    {
        var corpusCase = CorpusCase.Find(id);
        var result = Validate(corpusCase);

        corpusCase.Dump(result.Errors.Select(e => e.Message), result.Warnings.Select(w => w.Message));
        corpusCase.Errors.Should().NotBeEmpty("a bad case must state the errors it expects");
        result.Errors.Select(e => e.Message).Should().Equal(corpusCase.Errors);
    }

    [Theory]
    [MemberData(nameof(Good))]
    public void Good_manifest_is_accepted(string id)
    {
        var corpusCase = CorpusCase.Find(id);
        var result = Validate(corpusCase);

        corpusCase.Dump(result.Errors.Select(e => e.Message), result.Warnings.Select(w => w.Message));
        result.Errors.Select(e => e.Message).Should().BeEmpty();
        result.Warnings.Select(w => w.Message).Should().Equal(corpusCase.Warnings ?? []);
    }

    private static ValidationResult Validate(CorpusCase corpusCase)
    {
        var kind = KindOfFile.GetValueOrDefault(corpusCase.File);
        var settings = SettingsOf(corpusCase.Fields["settings"] as JsonObject);
        var validator = new PaasValidator(settings);
        var updated = Read(corpusCase, "manifest", kind);
        var result = corpusCase.Fields["old"] is JsonObject
            ? validator.ValidateUpdate(Read(corpusCase, "old", kind), updated)
            : validator.Validate(updated);
        if (corpusCase.Fields.TryGetPropertyValue("currentReleaseProcessTypes", out var types))
        {
            var names = types is JsonArray array ? array.Select(n => (string)n!).ToList() : null;
            var againstRelease = validator.Formations.ValidateAgainstRelease((Formation)updated, names);
            result = new ValidationResult([.. result.Errors, .. againstRelease.Errors], [.. result.Warnings, .. againstRelease.Warnings]);
        }

        return result;
    }

    private static Kube.Models.IKubernetesObject Read(CorpusCase corpusCase, string field, string? kind)
    {
        var json = corpusCase.Fields[field]!.DeepClone().AsObject();
        json["apiVersion"] ??= PaasGroup.ApiVersion;
        json["kind"] ??= kind;
        foreach (var fill in corpusCase.Fields["fill"] as JsonArray ?? [])
        {
            SetPath(json, (string)fill!["path"]!, new string('x', (int)(long)fill["length"]!));
        }

        json["metadata"] ??= DefaultMetadata(json);
        var manifest = PaasManifest.Read(json);
        manifest.Errors.Should().BeEmpty($"case {corpusCase} must be readable as a {kind}");
        return manifest.Object!;
    }

    private static JsonObject DefaultMetadata(JsonObject json)
    {
        var spec = json["spec"];
        var name = (string?)json["kind"] switch
        {
            "Build" => "build-1",
            "Release" => $"{spec?["app"]}-v{spec?["version"]}",
            "Formation" => (string?)spec?["app"],
            _ => "my-app",
        };
        return new JsonObject { ["name"] = name };
    }

    private static void SetPath(JsonObject root, string path, string value)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = node[part]!.AsObject();
        }

        node[parts[^1]] = value;
    }

    private static PlatformSettings SettingsOf(JsonObject? settings)
    {
        if (settings is null)
        {
            return PlatformSettings.Default;
        }

        var result = PlatformSettings.Default;
        if (settings["maxQuantity"] is { } max)
        {
            result = result with { MaxQuantity = (int)(long)max };
        }

        if (settings["dynoSizes"] is JsonArray sizes)
        {
            var extra = sizes.Select(s => new DynoSize((string)s!["name"]!, (string)s["memory"]!, (string)s["cpuRequest"]!, (string)s["cpuLimit"]!));
            result = result with { DynoSizes = result.DynoSizes.WithOverrides(extra) };
        }

        return result;
    }
}
