using System.Text.Json;
using Kube.Models;

namespace Kube.Tests.Client;

public sealed class TimeJsonTests
{
    private static readonly JsonSerializerOptions Options = KubeJson.CreateOptions();

    [Fact]
    public void Condition_times_are_written_in_utc_with_a_z_like_the_api_server_writes_them()
    {
        var condition = new Condition
        {
            Type = "Ready",
            Status = "True",
            LastTransitionTime = new DateTimeOffset(2026, 11, 22, 11, 41, 36, TimeSpan.FromHours(2)),
        };

        var json = JsonSerializer.Serialize(condition, Options);

        json.Should().Contain("\"lastTransitionTime\":\"2026-11-22T09:41:36Z\"");
    }

    [Fact]
    public void Fractional_seconds_survive_a_round_trip_so_a_written_status_compares_equal_when_read_back()
    {
        var moment = new DateTimeOffset(2026, 11, 22, 9, 41, 36, 250, TimeSpan.Zero);
        var meta = new ObjectMeta { Name = "x", CreationTimestamp = moment };

        var json = JsonSerializer.Serialize(meta, Options);
        var back = JsonSerializer.Deserialize<ObjectMeta>(json, Options)!;

        json.Should().Contain("\"creationTimestamp\":\"2026-11-22T09:41:36.25Z\"");
        back.CreationTimestamp.Should().Be(moment);
    }

    [Fact]
    public void Micro_time_fields_keep_their_own_six_digit_layout()
    {
        var lease = new Lease
        {
            Metadata = new ObjectMeta { Name = "leader" },
            Spec = new LeaseSpec { RenewTime = new DateTimeOffset(2026, 11, 22, 9, 41, 36, TimeSpan.Zero) },
        };

        JsonSerializer.Serialize(lease, Options).Should().Contain("\"renewTime\":\"2026-11-22T09:41:36.000000Z\"");
    }
}
