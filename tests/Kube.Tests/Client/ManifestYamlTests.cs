using System.Text.Json.Nodes;
using Kube.Client;

namespace Kube.Tests.Client;

public sealed class ManifestYamlTests
{
    [Fact]
    public void Several_documents_become_several_objects_and_empty_ones_are_skipped()
    {
        var objects = ManifestYaml.Parse("""
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: a}
            ---
            # only a comment
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: b}
            """);

        objects.Select(o => (string?)o["kind"]).Should().Equal("Namespace", "ConfigMap");
    }

    [Fact]
    public void Plain_scalars_become_numbers_booleans_and_null_while_quoted_ones_stay_text()
    {
        var obj = ManifestYaml.Parse("""
            replicas: 3
            negative: -2
            hex: 0x1F
            ratio: 0.5
            exponent: 1e3
            enabled: true
            legacyYes: yes
            off: off
            nothing: null
            tilde: ~
            empty:
            quotedNumber: "3"
            quotedBool: 'true'
            version: 1.2.3
            literal: |
              line one
              line two
            tagged: !!str 42
            octalLike: "0755"
            mode: 0644
            zero: 0
            """)[0];

        obj["replicas"]!.GetValue<long>().Should().Be(3);
        obj["negative"]!.GetValue<long>().Should().Be(-2);
        obj["hex"]!.GetValue<long>().Should().Be(31);
        obj["ratio"]!.GetValue<double>().Should().Be(0.5);
        obj["exponent"]!.GetValue<double>().Should().Be(1000);
        obj["enabled"]!.GetValue<bool>().Should().BeTrue();
        obj["legacyYes"]!.GetValue<bool>().Should().BeTrue();
        obj["off"]!.GetValue<bool>().Should().BeFalse();
        obj.ContainsKey("nothing").Should().BeTrue();
        obj["nothing"].Should().BeNull();
        obj["tilde"].Should().BeNull();
        obj["empty"].Should().BeNull();
        obj["quotedNumber"]!.GetValue<string>().Should().Be("3");
        obj["quotedBool"]!.GetValue<string>().Should().Be("true");
        obj["version"]!.GetValue<string>().Should().Be("1.2.3");
        obj["literal"]!.GetValue<string>().Should().Be("line one\nline two\n");
        obj["tagged"]!.GetValue<string>().Should().Be("42");
        obj["octalLike"]!.GetValue<string>().Should().Be("0755");
        obj["mode"]!.GetValue<long>().Should().Be(420, "kubectl reads a leading zero as octal");
        obj["zero"]!.GetValue<long>().Should().Be(0);
    }

    [Fact]
    public void Nested_lists_and_maps_keep_their_shape()
    {
        var obj = ManifestYaml.Parse("""
            spec:
              containers:
              - name: web
                ports: [{containerPort: 8080}]
                args: ["--port", "8080"]
            """)[0];

        obj.ToJsonString().Should().Be("""{"spec":{"containers":[{"name":"web","ports":[{"containerPort":8080}],"args":["--port","8080"]}]}}""");
    }

    [Fact]
    public void Document_that_is_not_a_mapping_is_reported_with_its_number()
    {
        var act = () => ManifestYaml.Parse("a: 1\n---\n- just\n- a list\n", "crds.yaml");

        act.Should().Throw<FormatException>().WithMessage("crds.yaml: document 2 is not a mapping*");
    }

    [Fact]
    public void Invalid_yaml_names_source_and_line()
    {
        var act = () => ManifestYaml.Parse("a: [1, 2\nb: c\n", "app.yaml");

        act.Should().Throw<FormatException>().WithMessage("app.yaml: not valid YAML*");
    }

    [Fact]
    public void Large_integers_that_do_not_fit_stay_exact_as_numbers_or_text()
    {
        var obj = ManifestYaml.Parse("big: 123456789012\n")[0];

        obj["big"]!.GetValue<long>().Should().Be(123456789012);
        obj["big"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.Number);
        JsonNode.Parse(obj.ToJsonString())!["big"]!.GetValue<long>().Should().Be(123456789012);
    }
}
