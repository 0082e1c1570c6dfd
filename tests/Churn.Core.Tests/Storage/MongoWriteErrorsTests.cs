using MongoDB.Driver;
using static Churn.Core.Tests.Storage.PredictionFixtures;
using static Churn.MongoDB.MongoWriteErrors;

namespace Churn.Core.Tests.Storage;

/// <summary>How a failed unordered bulk upsert is surfaced: rejected documents by event id, or an outage to retry.</summary>
public sealed class MongoWriteErrorsTests
{
    private static readonly IReadOnlyList<Churn.Domain.Predictions.Prediction> Batch =
        [Prediction("e0"), Prediction("e1"), Prediction("e2")];

    [Fact]
    public void A_validation_error_rejects_exactly_that_prediction_with_the_servers_reason()
    {
        var rejected = Permanent(Batch,
            [new WriteFailure(1, 121, ServerErrorCategory.Uncategorized, "Document failed validation")], false);

        var only = Assert.Single(rejected);
        Assert.Equal("e1", only.EventId);
        Assert.Equal("MongoDB write error 121: Document failed validation", only.Reason);
    }

    [Fact]
    public void Transient_write_errors_alone_mean_retry_the_batch()
    {
        var rejected = Permanent(Batch,
        [
            new WriteFailure(0, 11000, ServerErrorCategory.DuplicateKey, "E11000 duplicate key (concurrent upsert)"),
            new WriteFailure(2, 10107, ServerErrorCategory.Uncategorized, "not primary"),
            new WriteFailure(1, 50, ServerErrorCategory.ExecutionTimeout, "operation exceeded time limit"),
        ], false);

        Assert.Empty(rejected);
    }

    [Fact]
    public void A_write_concern_error_means_retry_the_batch_even_with_document_errors()
    {
        var rejected = Permanent(Batch,
            [new WriteFailure(1, 121, ServerErrorCategory.Uncategorized, "Document failed validation")], true);

        Assert.Empty(rejected);
    }

    [Fact]
    public void Only_the_permanent_errors_of_a_mixed_batch_are_rejected()
    {
        var rejected = Permanent(Batch,
        [
            new WriteFailure(0, 189, ServerErrorCategory.Uncategorized, "primary stepped down"),
            new WriteFailure(2, 10334, ServerErrorCategory.Uncategorized, "BSONObjectTooLarge"),
        ], false);

        Assert.Equal(["e2"], rejected.Select(r => r.EventId));
    }
}
