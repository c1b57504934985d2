namespace Kube.Client;

/// <summary>A watch stream sent a line that is not a watch event; <see cref="Line"/> holds (the start of) it.</summary>
public sealed class WatchStreamException : Exception
{
    public WatchStreamException(string message, string line, Exception? innerException = null)
        : base(message, innerException)
    {
        Line = line;
    }

    public string Line { get; }
}
