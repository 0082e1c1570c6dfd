using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Churn.Api.Apis;

/// <summary>
/// Query string of GET /api/stats, bound as raw strings and validated before the handler runs by the query value
/// attributes and <see cref="Validate"/>; <see cref="ToQuery"/> reads the validated values.
/// </summary>
public sealed record StatsParameters : IValidatableObject
{
    public const int MaxBuckets = 10_000;

    [FromQuery(Name = "bucketSeconds"), IntegerValue(1, 86_400), Description("Throughput bucket width in seconds, 1 to 86400 (default 60).")]
    public string? BucketSeconds { get; init; }

    [FromQuery(Name = "windowMinutes"), IntegerValue(1, 10_080), Description("Throughput window in minutes, 1 to 10080 (default 60).")]
    public string? WindowMinutes { get; init; }

    [FromQuery(Name = "bins"), IntegerValue(2, 100), Description("Probability histogram bins, 2 to 100 (default 10).")]
    public string? Bins { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var query = ToQuery();
        if (query.Window / query.Bucket > MaxBuckets)
        {
            yield return new ValidationResult($"The window holds more than {MaxBuckets} buckets; widen the bucket.", ["bucketSeconds"]);
        }
    }

    public StatsQuery ToQuery() => new()
    {
        Bucket = TimeSpan.FromSeconds(QueryValue.Integer(BucketSeconds) ?? 60),
        Window = TimeSpan.FromMinutes(QueryValue.Integer(WindowMinutes) ?? 60),
        HistogramBins = QueryValue.Integer(Bins) ?? 10,
    };
}
