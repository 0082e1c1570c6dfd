namespace Churn.Testing.Faults;

/// <summary>What the suite does to the running pipeline between two chunks of records.</summary>
public enum FaultKind
{
    /// <summary>The next three writes fail (the store comes back at once).</summary>
    TransientOutage,

    /// <summary>Writes and reads fail for 1.5 s.</summary>
    LongOutage,

    /// <summary>A worker dies at its next read without committing; a new one starts.</summary>
    WorkerCrash,

    /// <summary>A new model version is put in place and reloaded.</summary>
    ValidModelSwap,

    /// <summary>A broken model is put in place and reloaded (refused); the serving one is put back.</summary>
    BrokenModelSwap,

    /// <summary>One more worker joins the group (a rebalance).</summary>
    WorkerJoins,

    /// <summary>A worker leaves the group cleanly (a rebalance).</summary>
    WorkerLeaves,
}
