namespace Kube.Runtime.Queue;

/// <summary>What a worker takes from a <see cref="WorkQueue{T}"/>: an item, or the news that the queue shut down.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Item">The item to process; default when <paramref name="ShutDown"/> is true.</param>
/// <param name="ShutDown">The queue is shutting down; the worker should stop.</param>
public readonly record struct Dequeued<T>(T Item, bool ShutDown);
