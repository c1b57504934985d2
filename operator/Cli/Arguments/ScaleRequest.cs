using System.Globalization;
using Paas.Cli.Failures;
using Paas.Platform.Procfiles;

namespace Paas.Cli.Arguments;

/// <summary>One <c>TYPE=QUANTITY[:SIZE]</c> of <c>paas ps:scale</c>, e.g. <c>web=2</c> or <c>worker=1:standard-2x</c>.</summary>
public sealed record ScaleRequest(string ProcessType, int Quantity, string? Size)
{
    public static ScaleRequest Parse(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new UsageException($"{argument}: expected TYPE=QUANTITY[:SIZE], e.g. web=2 or worker=1:standard-2x");
        }

        var type = argument[..equals];
        if (!ProcessTypeNames.IsWellFormed(type))
        {
            throw new UsageException($"{argument}: process type \"{type}\" is invalid: {ProcessTypeNames.CharactersRule}; e.g. {ProcessTypeNames.Suggest(type)}=1");
        }

        var value = argument[(equals + 1)..];
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var quantityText = colon < 0 ? value : value[..colon];
        var size = colon < 0 ? null : value[(colon + 1)..];
        if (!int.TryParse(quantityText, NumberStyles.None, CultureInfo.InvariantCulture, out var quantity))
        {
            throw new UsageException($"{argument}: quantity \"{quantityText}\" is invalid: it must be a whole number, 0 or more; e.g. {type}=2");
        }

        if (size is { Length: 0 })
        {
            throw new UsageException($"{argument}: the dyno size after \":\" is missing; e.g. {type}={quantity}:standard-2x, or {type}={quantity} to keep the size");
        }

        return new ScaleRequest(type, quantity, size);
    }
}
