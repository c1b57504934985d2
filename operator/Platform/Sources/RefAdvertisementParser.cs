using System.Text;

namespace Paas.Platform.Sources;

/// <summary>
/// Reads the body of <c>GET &lt;repo&gt;/info/refs?service=git-upload-pack</c> (gitprotocol-http, "Smart Clients"),
/// or the output of <c>git upload-pack --advertise-refs</c>, which lacks the leading <c># service=</c> packet. Protocol
/// v0 and v1 are read; v2 advertises no refs and is reported as unsupported (the operator never asks for it).
/// </summary>
public static class RefAdvertisementParser
{
    private const string ServicePrefix = "# service=";
    private const string EmptyRepositoryName = "capabilities^{}";
    private const string PeeledSuffix = "^{}";

    public static AdvertisementParse Parse(ReadOnlyMemory<byte> body)
    {
        var read = PktLineReader.ReadAll(body);
        if (read.Error is { } framing)
        {
            return AdvertisementParse.Failed($"the ref advertisement is malformed: {framing}");
        }

        var lines = read.Lines;
        var index = 0;
        if (index < lines.Count && lines[index].Kind == PktLineKind.Data && lines[index].Text() is var first && first.StartsWith(ServicePrefix, StringComparison.Ordinal))
        {
            var service = first[ServicePrefix.Length..];
            if (service != "git-upload-pack")
            {
                return AdvertisementParse.Failed($"the server advertised service \"{service}\" instead of git-upload-pack");
            }

            index++;
            if (index >= lines.Count || lines[index].Kind != PktLineKind.Flush)
            {
                return AdvertisementParse.Failed("the service announcement is not followed by a flush-pkt");
            }

            index++;
        }

        if (index < lines.Count && lines[index].Kind == PktLineKind.Data)
        {
            switch (lines[index].Text())
            {
                case "version 1":
                    index++;
                    break;
                case var version when version.StartsWith("version ", StringComparison.Ordinal):
                    return AdvertisementParse.Failed($"the server answered with git protocol \"{version}\", which advertises no refs; only v0 and v1 are read");
            }
        }

        return ReadRefs(lines, index);
    }

    private static AdvertisementParse ReadRefs(IReadOnlyList<PktLine> lines, int index)
    {
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        var peeled = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<string> capabilities = [];
        for (var lineNumber = 0; index < lines.Count; index++, lineNumber++)
        {
            var line = lines[index];
            if (line.Kind == PktLineKind.Flush)
            {
                return new AdvertisementParse(new RefAdvertisement(refs, peeled, Symrefs(capabilities), capabilities), null);
            }

            if (line.Kind != PktLineKind.Data)
            {
                return AdvertisementParse.Failed($"ref line {lineNumber + 1} is a {line.Kind} packet, not a ref");
            }

            var text = line.Text();
            if (text.StartsWith("ERR ", StringComparison.Ordinal))
            {
                return AdvertisementParse.Failed($"the server reported an error: {text[4..]}");
            }

            if (lineNumber == 0 && text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
            {
                capabilities = text[(nul + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                text = text[..nul];
            }

            if (text.StartsWith("shallow ", StringComparison.Ordinal))
            {
                continue;
            }

            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var objectId = space > 0 ? text[..space] : text;
            var name = space > 0 ? text[(space + 1)..] : "";
            if (!GitRefs.IsObjectId(objectId) || name.Length == 0)
            {
                return AdvertisementParse.Failed($"ref line {lineNumber + 1} is \"{Excerpt(text)}\", not \"<object id> <ref name>\"");
            }

            objectId = objectId.ToLowerInvariant();
            if (name == EmptyRepositoryName && lineNumber == 0 && objectId.All(c => c == '0'))
            {
                continue;
            }

            if (name.EndsWith(PeeledSuffix, StringComparison.Ordinal))
            {
                peeled[name[..^PeeledSuffix.Length]] = objectId;
            }
            else
            {
                refs[name] = objectId;
            }
        }

        return AdvertisementParse.Failed("the ref advertisement ends without its flush-pkt, so it may be cut short");
    }

    /// <summary>The <c>symref=HEAD:refs/heads/main</c> capabilities as a map.</summary>
    private static Dictionary<string, string> Symrefs(IReadOnlyList<string> capabilities)
    {
        var symrefs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var capability in capabilities.Where(c => c.StartsWith("symref=", StringComparison.Ordinal)))
        {
            var pair = capability["symref=".Length..];
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                symrefs[pair[..colon]] = pair[(colon + 1)..];
            }
        }

        return symrefs;
    }

    private static string Excerpt(string text)
    {
        var printable = new StringBuilder(Math.Min(text.Length, 80));
        foreach (var c in text.Take(80))
        {
            printable.Append(char.IsControl(c) ? '?' : c);
        }

        return printable.ToString();
    }
}
