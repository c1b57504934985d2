using Paas.Bench;
using Paas.Bench.Foundation;
using Paas.Bench.Operator;
using Paas.Bench.Webhook;

// Usage: make bench [ARGS="watch queue apply"]; no names runs them all. Options: operator --apps 1000 --changes 200.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

IBenchmark[] all =
[
    new WatchDeliveryBenchmark(), new WorkQueueBenchmark(), new ServerSideApplyBenchmark(), new WebhookLatencyBenchmark(),
    new OperatorBenchmark(options.Int("apps", 1_000), options.Int("changes", 200)),
    new Paas.Bench.Builds.BuildBenchmark(options.Int("build-runs", 5)),
];
var unknown = options.Names.Where(name => all.All(b => b.Name != name)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown benchmark(s) {string.Join(", ", unknown)}; choose from {string.Join(", ", all.Select(b => b.Name))}");
    return 2;
}

var chosen = options.Names.Count == 0 ? all : all.Where(b => options.Names.Contains(b.Name)).ToArray();
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
