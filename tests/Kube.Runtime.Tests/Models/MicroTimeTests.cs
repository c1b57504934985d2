using System.Text.Json;
using Kube.Models;

namespace Kube.Runtime.Tests.Models;

public sealed class MicroTimeTests
{
    private static readonly JsonSerializerOptions Json = KubeJson.CreateOptions();

    [Fact]
    public void Lease_times_are_written_in_UTC_with_exactly_six_fractional_digits()
    {
        var lease = new Lease
        {
            Metadata = new ObjectMeta { Name = "l", Namespace = "n" },
            Spec = new LeaseSpec
            {
                HolderIdentity = "me",
                RenewTime = new DateTimeOffset(2026, 3, 4, 7, 8, 9, TimeSpan.FromHours(2)).AddTicks(1234567),
            },
        };

        var json = JsonSerializer.Serialize(lease, Json);

        json.Should().Contain("\"renewTime\":\"2026-03-04T05:08:09.123456Z\"");
        json.Should().NotContain("acquireTime", "absent times stay absent");
    }

    [Fact]
    public void Event_times_read_back_from_the_servers_format()
    {
        const string json = """
            {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"e"},"eventTime":"2026-03-04T05:08:09.123456Z",
             "series":{"count":4,"lastObservedTime":"2026-03-04T05:09:00.000000Z"},"reason":"Scaled"}
            """;

        var read = JsonSerializer.Deserialize<Event>(json, Json)!;

        read.EventTime.Should().Be(new DateTimeOffset(2026, 3, 4, 5, 8, 9, TimeSpan.Zero).AddTicks(1234560));
        read.Series!.Count.Should().Be(4);
        read.Series.LastObservedTime.Should().Be(new DateTimeOffset(2026, 3, 4, 5, 9, 0, TimeSpan.Zero));
    }
}
