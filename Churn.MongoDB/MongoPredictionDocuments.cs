using Churn.Domain.Customers;
using Churn.Domain.Predictions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Churn.MongoDB;

/// <summary>
/// Explicit BSON mapping of a prediction (no class maps, no conventions, no GUIDs: ids are strings). Timestamps are
/// BSON dates (UTC, millisecond precision); <c>actualChurn</c> is omitted when the label is unknown, <c>reasons</c> (a
/// subdocument: method, baseScore, score, top [{feature, value, contribution}]) when the prediction has none.
/// </summary>
internal static class MongoPredictionDocuments
{
    /// <summary>
    /// The write of one prediction: an upsert by <c>_id</c> whose pipeline keeps the stored document when it was scored
    /// later than this one (a late retry of an older prediction), and otherwise replaces it — atomically, in one update.
    /// </summary>
    public static UpdateOneModel<BsonDocument> Upsert(Prediction p)
    {
        var document = ToDocument(p);
        var keepNewer = new BsonDocument("$replaceWith", new BsonDocument("$cond", new BsonDocument
        {
            { "if", new BsonDocument("$gt", new BsonArray { "$scoredAt", document["scoredAt"] }) },
            { "then", "$$ROOT" },
            { "else", new BsonDocument("$literal", document) },
        }));
        return new UpdateOneModel<BsonDocument>(new BsonDocument("_id", document["_id"]),
            new PipelineUpdateDefinition<BsonDocument>(new[] { keepNewer })) { IsUpsert = true };
    }

    public static BsonDocument ToDocument(Prediction p)
    {
        var document = new BsonDocument
        {
            { "_id", p.EventId },
            { "customerId", p.CustomerId },
            { "source", p.Source },
            { "state", p.State },
            { "churnProbability", p.ChurnProbability },
            { "predictedChurn", p.PredictedChurn },
            { "riskBand", p.RiskBand.ToString() },
            { "modelVersion", p.ModelVersion },
            { "occurredAt", new BsonDateTime(p.OccurredAt.UtcDateTime) },
            { "ingestedAt", new BsonDateTime(p.IngestedAt.UtcDateTime) },
            { "scoredAt", new BsonDateTime(p.ScoredAt.UtcDateTime) },
            { "customer", ToDocument(p.Customer) },
        };
        if (p.ActualChurn is { } actual)
        {
            document.Add("actualChurn", actual);
        }
        if (p.Reasons is { } reasons)
        {
            document.Add("reasons", ToDocument(reasons));
        }
        return document;
    }

    public static Prediction ToPrediction(BsonDocument d) => new()
    {
        EventId = d["_id"].AsString,
        CustomerId = d["customerId"].AsString,
        Source = d["source"].AsString,
        ChurnProbability = d["churnProbability"].ToDouble(),
        PredictedChurn = d["predictedChurn"].AsBoolean,
        RiskBand = Enum.Parse<RiskBand>(d["riskBand"].AsString),
        ModelVersion = d["modelVersion"].AsString,
        OccurredAt = Date(d["occurredAt"]),
        IngestedAt = Date(d["ingestedAt"]),
        ScoredAt = Date(d["scoredAt"]),
        Customer = ToCustomer(d["customer"].AsBsonDocument),
        Reasons = d.TryGetValue("reasons", out var reasons) && reasons.IsBsonDocument ? ToReasons(reasons.AsBsonDocument) : null,
    };

    private static BsonDocument ToDocument(PredictionReasons r) => new()
    {
        { "method", r.Method },
        { "baseScore", r.BaseScore },
        { "score", r.Score },
        { "top", new BsonArray(r.Top.Select(c => new BsonDocument
            {
                { "feature", c.Feature }, { "value", c.Value }, { "contribution", c.Contribution },
            })) },
    };

    private static PredictionReasons ToReasons(BsonDocument d) => new()
    {
        Method = d["method"].AsString,
        BaseScore = d["baseScore"].ToDouble(),
        Score = d["score"].ToDouble(),
        Top = [.. d["top"].AsBsonArray.Select(c => new ReasonCode(
            c["feature"].AsString, c["value"].ToDouble(), c["contribution"].ToDouble()))],
    };

    private static BsonDocument ToDocument(CustomerRecord c)
    {
        var document = new BsonDocument
        {
            { "state", c.State },
            { "accountLength", c.AccountLength },
            { "areaCode", c.AreaCode },
            { "internationalPlan", c.InternationalPlan },
            { "voiceMailPlan", c.VoiceMailPlan },
            { "numberVmailMessages", c.NumberVmailMessages },
            { "totalDayMinutes", c.TotalDayMinutes },
            { "totalDayCalls", c.TotalDayCalls },
            { "totalDayCharge", c.TotalDayCharge },
            { "totalEveMinutes", c.TotalEveMinutes },
            { "totalEveCalls", c.TotalEveCalls },
            { "totalEveCharge", c.TotalEveCharge },
            { "totalNightMinutes", c.TotalNightMinutes },
            { "totalNightCalls", c.TotalNightCalls },
            { "totalNightCharge", c.TotalNightCharge },
            { "totalIntlMinutes", c.TotalIntlMinutes },
            { "totalIntlCalls", c.TotalIntlCalls },
            { "totalIntlCharge", c.TotalIntlCharge },
            { "customerServiceCalls", c.CustomerServiceCalls },
        };
        if (c.Churn is { } churn)
        {
            document.Add("churn", churn);
        }
        return document;
    }

    private static CustomerRecord ToCustomer(BsonDocument d) => new()
    {
        State = d["state"].AsString,
        AccountLength = d["accountLength"].ToInt32(),
        AreaCode = d["areaCode"].ToInt32(),
        InternationalPlan = d["internationalPlan"].AsBoolean,
        VoiceMailPlan = d["voiceMailPlan"].AsBoolean,
        NumberVmailMessages = d["numberVmailMessages"].ToInt32(),
        TotalDayMinutes = d["totalDayMinutes"].ToDouble(),
        TotalDayCalls = d["totalDayCalls"].ToInt32(),
        TotalDayCharge = d["totalDayCharge"].ToDouble(),
        TotalEveMinutes = d["totalEveMinutes"].ToDouble(),
        TotalEveCalls = d["totalEveCalls"].ToInt32(),
        TotalEveCharge = d["totalEveCharge"].ToDouble(),
        TotalNightMinutes = d["totalNightMinutes"].ToDouble(),
        TotalNightCalls = d["totalNightCalls"].ToInt32(),
        TotalNightCharge = d["totalNightCharge"].ToDouble(),
        TotalIntlMinutes = d["totalIntlMinutes"].ToDouble(),
        TotalIntlCalls = d["totalIntlCalls"].ToInt32(),
        TotalIntlCharge = d["totalIntlCharge"].ToDouble(),
        CustomerServiceCalls = d["customerServiceCalls"].ToInt32(),
        Churn = d.TryGetValue("churn", out var churn) && !churn.IsBsonNull ? churn.AsBoolean : null,
    };

    private static DateTimeOffset Date(BsonValue value) =>
        new(DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc));
}
