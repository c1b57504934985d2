using System.Text.Json.Nodes;

namespace Kube.Testing.Tests.Support;

/// <summary>An open watch response read line by line; every read has a generous deadline so a missing event fails instead of hanging.</summary>
public sealed class WatchStream : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private WatchStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public HttpResponseMessage Response => _response;

    public static async Task<WatchStream> OpenAsync(HttpClient http, string pathAndQuery)
    {
        var response = await http.GetAsync(pathAndQuery, HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        return new WatchStream(response, new StreamReader(stream));
    }

    /// <summary>The next event, or null when the server ended the stream.</summary>
    public async Task<JsonObject?> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Deadline);
        var line = await _reader.ReadLineAsync(timeout.Token);
        return line is null ? null : JsonNode.Parse(line)!.AsObject();
    }

    /// <summary>The next event that is not a BOOKMARK.</summary>
    public async Task<JsonObject?> NextChangeAsync()
    {
        while (true)
        {
            var next = await NextAsync();
            if (next is null || next["type"]!.GetValue<string>() != "BOOKMARK")
                return next;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }
}

/// <summary>Reads watch events in assertions.</summary>
public static class WatchEventExtensions
{
    public static string Type(this JsonObject? watchEvent) => Present(watchEvent)["type"]!.GetValue<string>();

    public static string Name(this JsonObject? watchEvent) => Present(watchEvent)["object"]!["metadata"]!["name"]!.GetValue<string>();

    private static JsonObject Present(JsonObject? watchEvent) =>
        watchEvent ?? throw new InvalidOperationException("the watch ended where an event was expected");
}
