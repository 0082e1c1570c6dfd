using System.Text.RegularExpressions;

namespace Churn.Distributed.Tests;

/// <summary>
/// The partitions a scoring process owns, as its Kafka consumer logged them: "Partitions assigned: t [[0]], t [[2]]",
/// "Partitions revoked: …", "Partitions lost (no commit): …" (cooperative rebalancing: each line is a change).
/// </summary>
public static partial class Assignment
{
    public static IReadOnlySet<int> Current(ServiceProcess scoring, string topic)
    {
        var owned = new SortedSet<int>();
        foreach (var line in scoring.Lines)
        {
            var change = Change().Match(line);
            if (!change.Success)
            {
                continue;
            }
            var partitions = Partition().Matches(change.Groups["partitions"].Value)
                .Where(m => m.Groups["topic"].Value == topic)
                .Select(m => int.Parse(m.Groups["partition"].Value, System.Globalization.CultureInfo.InvariantCulture));
            if (change.Groups["kind"].Value == "assigned")
            {
                owned.UnionWith(partitions);
            }
            else
            {
                owned.ExceptWith(partitions);
            }
        }
        return owned;
    }

    [GeneratedRegex(@"Partitions (?<kind>assigned|revoked|lost)[^:]*: (?<partitions>.*)$")]
    private static partial Regex Change();

    [GeneratedRegex(@"(?<topic>[\w.\-]+) \[\[(?<partition>\d+)\]\]")]
    private static partial Regex Partition();
}
