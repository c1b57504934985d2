namespace Paas.Platform.Sources;

/// <summary>What a pkt-line is: <c>0000</c> flush, <c>0001</c> delimiter and <c>0002</c> response-end carry no data.</summary>
public enum PktLineKind
{
    Data,
    Flush,
    Delimiter,
    ResponseEnd,
}
