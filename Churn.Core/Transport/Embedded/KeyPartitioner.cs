namespace Churn.Core.Transport.Embedded;

/// <summary>
/// Maps a key to a partition with 32-bit FNV-1a over its UTF-16 code units: the same key lands in the same partition
/// in every process and run (unlike <see cref="string.GetHashCode()"/>, which is randomised per process).
/// </summary>
public static class KeyPartitioner
{
    public static int PartitionFor(string key, int partitions)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % (uint)partitions);
    }
}
