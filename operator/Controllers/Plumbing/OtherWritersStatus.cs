using System.Text.Json.Nodes;

namespace Paas.Controllers.Plumbing;

/// <summary>
/// The parts of an object's status another controller writes: top-level status fields and condition types that a
/// <see cref="StatusWriter"/> leaves out of what it states, compares and removes. A status built on a cached object
/// carries that controller's values as the cache last saw them; stating them would put older values back.
/// </summary>
/// <param name="Fields">Top-level status fields, as serialized (e.g. <c>sourceCommit</c>).</param>
/// <param name="ConditionTypes">Condition types in <c>status.conditions</c> (a list keyed by type).</param>
public sealed record OtherWritersStatus(IReadOnlyCollection<string> Fields, IReadOnlyCollection<string> ConditionTypes)
{
    /// <summary>Removes the other writers' parts from <paramref name="status"/> in place.</summary>
    internal void RemoveFrom(JsonObject? status)
    {
        if (status is null)
        {
            return;
        }

        foreach (var field in Fields)
        {
            status.Remove(field);
        }

        if (status["conditions"] is JsonArray conditions)
        {
            foreach (var condition in conditions.OfType<JsonObject>().Where(c => ConditionTypes.Contains((string?)c["type"] ?? "")).ToList())
            {
                conditions.Remove(condition);
            }

            // A list of only their conditions is theirs entirely: neither stated as empty nor removed as missing.
            if (conditions.Count == 0)
            {
                status.Remove("conditions");
            }
        }
    }
}
