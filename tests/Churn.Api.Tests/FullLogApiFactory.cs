namespace Churn.Api.Tests;

/// <summary>
/// The Api with an in-process log that fills at once: one partition holding 2 uncommitted events, and no model at start,
/// so the scoring worker waits for one and commits nothing. A publish deadline of 2 s (the log itself would hold a
/// publisher for its MessageTimeout of 5 minutes).
/// </summary>
public sealed class FullLogApiFactory : ApiFactory
{
    public const int Capacity = 2;
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(2);

    protected override bool StartWithModel => false;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Churn:EmbeddedTransport:Partitions"] = "1",
        ["Churn:EmbeddedTransport:PartitionCapacity"] = Capacity.ToString(),
        ["Churn:PublishTimeout"] = PublishTimeout.ToString(),
    };
}
