using Paas.Bench;
using Paas.Bench.Foundation;
using Paas.Bench.Webhook;

// Usage: make bench [ARGS="watch queue apply"]; no names runs them all.
IBenchmark[] all = [new WatchDeliveryBenchmark(), new WorkQueueBenchmark(), new ServerSideApplyBenchmark(), new WebhookLatencyBenchmark()];
var unknown = args.Where(name => all.All(b => b.Name != name)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown benchmark(s) {string.Join(", ", unknown)}; choose from {string.Join(", ", all.Select(b => b.Name))}");
    return 2;
}

var chosen = args.Length == 0 ? all : all.Where(b => args.Contains(b.Name)).ToArray();
var measurements = new List<Measurement>();
foreach (var benchmark in chosen)
{
    Console.Error.WriteLine($"running {benchmark.Name} ...");
    measurements.AddRange(await benchmark.RunAsync(CancellationToken.None));
}

var when = DateTimeOffset.UtcNow;
var table = ResultTable.Render(measurements, when);
Console.WriteLine(table);
Console.WriteLine($"saved to {await ResultTable.SaveAsync(table, when)}");
return 0;
