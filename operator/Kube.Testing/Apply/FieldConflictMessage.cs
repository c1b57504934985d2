using System.Text;
using Kube.Testing.Server;

namespace Kube.Testing.Apply;

/// <summary>Words apply conflicts the way the Kubernetes API server does in a 409's message.</summary>
internal static class FieldConflictMessage
{
    /// <summary>
    /// One conflict: <c>Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.replicas</c>;
    /// several: grouped by owner, one field per line.
    /// </summary>
    public static string Format(IReadOnlyList<FieldConflict> conflicts)
    {
        if (conflicts.Count == 1)
        {
            return $"Apply failed with 1 conflict: {conflicts[0].Description}: {conflicts[0].Field}";
        }
        var text = new StringBuilder($"Apply failed with {conflicts.Count} conflicts: ");
        var groups = conflicts.GroupBy(c => c.Description, StringComparer.Ordinal).ToList();
        for (var i = 0; i < groups.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }
            text.Append(groups[i].Key.Replace("conflict with", "conflicts with", StringComparison.Ordinal)).Append(':');
            foreach (var conflict in groups[i])
            {
                text.Append("\n- ").Append(conflict.Field);
            }
        }
        return text.ToString();
    }
}
