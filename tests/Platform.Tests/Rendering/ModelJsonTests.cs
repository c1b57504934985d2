using System.Text;
using System.Text.Json;
using Kube.Models;

namespace Paas.Platform.Tests.Rendering;

/// <summary>The workload models read what the API server returns, so controllers can read status from them.</summary>
public sealed class ModelJsonTests
{
    private static readonly JsonSerializerOptions Options = KubeJson.CreateOptions();

    [Fact]
    public void Deployment_status_and_int_or_string_fields_read_from_api_json()
    {
        const string json = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"shop-web","generation":4},
             "spec":{"selector":{"matchLabels":{"a":"b"}},"template":{"spec":{"containers":[{"name":"web","image":"i"}]}},
                     "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":0,"maxSurge":"25%"}}},
             "status":{"observedGeneration":4,"replicas":3,"updatedReplicas":3,"readyReplicas":2,"availableReplicas":2,
                       "conditions":[{"type":"Available","status":"False","reason":"MinimumReplicasUnavailable","lastUpdateTime":"2024-05-01T10:00:00Z"}]}}
            """;

        var deployment = JsonSerializer.Deserialize<Deployment>(json, Options)!;

        deployment.Status!.ReadyReplicas.Should().Be(2);
        deployment.Status.ObservedGeneration.Should().Be(4);
        deployment.Status.Conditions!.Single().Reason.Should().Be("MinimumReplicasUnavailable");
        deployment.Spec!.Strategy!.RollingUpdate!.MaxUnavailable.Should().Be(IntOrString.Of(0));
        deployment.Spec.Strategy.RollingUpdate.MaxSurge.Should().Be(IntOrString.Of("25%"));
    }

    [Fact]
    public void Job_status_reads_counts_times_and_conditions()
    {
        const string json = """
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"shop-release-v9"},
             "status":{"failed":1,"startTime":"2024-05-01T10:00:00Z","conditions":[{"type":"Failed","status":"True","reason":"BackoffLimitExceeded"}]}}
            """;

        var job = JsonSerializer.Deserialize<Job>(json, Options)!;

        job.Status!.Failed.Should().Be(1);
        job.Status.Succeeded.Should().BeNull();
        job.Status.StartTime.Should().Be(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero));
        job.Status.Conditions!.Single().Reason.Should().Be("BackoffLimitExceeded");
    }

    [Fact]
    public void Secret_data_is_base64_on_the_wire()
    {
        var secret = new Secret { Metadata = new ObjectMeta { Name = "s" }, Data = new Dictionary<string, byte[]> { ["K"] = Encoding.UTF8.GetBytes("value") } };

        var json = JsonSerializer.Serialize(secret, Options);

        json.Should().Contain("\"K\":\"dmFsdWU=\"");
        Encoding.UTF8.GetString(JsonSerializer.Deserialize<Secret>(json, Options)!.Data!["K"]).Should().Be("value");
    }
}
