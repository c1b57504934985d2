using Kube.Testing.Apply;
using Kube.Testing.Server;

namespace Kube.Testing.Tests.Apply;

public class FieldConflictMessageTests
{
    [Fact]
    public void Several_conflicts_are_grouped_by_owner_one_field_per_line()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts : the 409 names every conflicting field and its manager.
        var message = FieldConflictMessage.Format([
            new FieldConflict("kubectl-edit", ".spec.replicas", "apps/v1"),
            new FieldConflict("alice", ".spec.paused"),
            new FieldConflict("kubectl-edit", ".spec.minReadySeconds", "apps/v1"),
        ]);

        message.Should().Be("""
            Apply failed with 3 conflicts: conflicts with "kubectl-edit" using apps/v1:
            - .spec.replicas
            - .spec.minReadySeconds
            conflicts with "alice":
            - .spec.paused
            """.ReplaceLineEndings("\n"));
    }
}
