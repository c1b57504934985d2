namespace Paas.Platform.Sources;

/// <summary>The three answers of <see cref="AutoBuildPlanner.Decide"/>.</summary>
public enum AutoBuildDecisionKind
{
    /// <summary>status.sourceCommit is the commit and its Build built this source: nothing to do.</summary>
    UpToDate,

    /// <summary>The newest automatic Build already builds the commit (its status write was lost or not yet cached): only record it.</summary>
    Record,

    /// <summary>Create a Build for the commit.</summary>
    Create,
}
