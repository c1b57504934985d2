namespace Kube.Tests.Support;

/// <summary>A finished body handed out at most a few bytes per read, as a slow network delivers it.</summary>
public sealed class TrickleStream(byte[] data, int readSize) : MemoryStream(data, writable: false)
{
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(buffer.Length, readSize)], cancellationToken);
}
