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
            new WriteFailure(0, 11000, ServerErrorCategory.DuplicateKey,
                "E11000 duplicate key error collection: churn.predictions index: _id_ dup key: { _id: \"e0\" }"),
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

    [Theory]
    [InlineData(11601, "Interrupted")]
    [InlineData(14031, "OutOfDiskSpace")]
    [InlineData(8000, "AtlasError: you are over your space quota")]
    [InlineData(16500, "Request rate is large (Cosmos DB throttling)")]
    [InlineData(99999, "a code this build has never heard of")]
    public void An_infrastructure_or_unknown_error_is_an_outage_to_retry_never_a_rejection(int code, string message)
    {
        var rejected = Permanent(Batch, [new WriteFailure(1, code, ServerErrorCategory.Uncategorized, message)], false);

        Assert.Empty(rejected);
    }

    [Fact]
    public void A_duplicate_key_on_a_unique_secondary_index_rejects_the_document()
    {
        var rejected = Permanent(Batch, [new WriteFailure(2, 11000, ServerErrorCategory.DuplicateKey,
            "E11000 duplicate key error collection: churn.predictions index: ux_external_ref dup key: { ref: 7 }")], false);

        Assert.Equal(["e2"], rejected.Select(r => r.EventId));
    }
}
