namespace Paas.Bench;

/// <summary>A benchmark that measures one area and returns its figures.</summary>
internal interface IBenchmark
{
    /// <summary>Short name used on the command line, e.g. <c>watch</c>.</summary>
    string Name { get; }

    Task<IReadOnlyList<Measurement>> RunAsync(CancellationToken cancellationToken);
}
