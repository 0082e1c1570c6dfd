using Churn.Api.Serving;

namespace Churn.Api.Extensions;

/// <summary>Example bodies shown in the OpenAPI document (one realistic customer of the BigML test file).</summary>
internal static class ApiExamples
{
    private static readonly DateTimeOffset At = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public static readonly CustomerRecord Customer = new()
    {
        State = "KS", AccountLength = 128, AreaCode = 415, InternationalPlan = false, VoiceMailPlan = true,
        NumberVmailMessages = 25, TotalDayMinutes = 265.1, TotalDayCalls = 110, TotalDayCharge = 45.07,
        TotalEveMinutes = 197.4, TotalEveCalls = 99, TotalEveCharge = 16.78, TotalNightMinutes = 244.7,
        TotalNightCalls = 91, TotalNightCharge = 11.01, TotalIntlMinutes = 10.0, TotalIntlCalls = 3,
        TotalIntlCharge = 2.7, CustomerServiceCalls = 1, Churn = false,
    };

    public static readonly Prediction Prediction = new()
    {
        EventId = "csv-3f9a1c2e-000002", CustomerId = "csv-3f9a1c2e-000002", Source = "csv:churn-bigml-20.csv", Customer = Customer,
        ChurnProbability = 0.081, PredictedChurn = false, RiskBand = RiskBand.Low, ModelVersion = "20260101-120000",
        OccurredAt = At, IngestedAt = At.AddMilliseconds(3), ScoredAt = At.AddMilliseconds(9),
    };

    public static readonly PredictionPage PredictionPage = new([Prediction], 1, 1, 50);

    public static readonly CustomerBatchRequest BatchRequest = new() { Customers = [CustomerInput.From(Customer with { Churn = null })] };

    public static readonly ScoreResponse Score = new("20260101-120000", 0.42,
    [
        new CustomerScore(0.081, false, RiskBand.Low, new Explanation(ExplainedScoring.Method,
            [new("DayUsage", "265.1 min / $45.07", "179.4 min / $30.5", 0.05), new("CustomerServiceCalls", "1", "1", 0)],
            [new("DayUsage", "265.1 min / $45.07", "179.4 min / $30.5", 0.05)], [])),
    ]);

    public static readonly PredictionStats Stats = new()
    {
        Total = 667, PredictedChurn = 88,
        ByRiskBand = new Dictionary<RiskBand, long> { [RiskBand.Low] = 540, [RiskBand.Medium] = 39, [RiskBand.High] = 88 },
        ByState = [new StateStats("KS", 14, 3, 0.19)],
        ProbabilityHistogram = [480, 40, 20, 19, 12, 8, 10, 15, 23, 40],
        Throughput = [new ThroughputPoint(At, 667)],
        Labelled = new LabelledOutcomes(80, 8, 17, 562),
    };

    public static readonly ModelsResponse Models = new("20260101-120000",
        [new ModelSummary("20260101-120000", At, "FastTree", 0.92, 0.86, 0.42, true)]);

    public static readonly ModelCard Card = new()
    {
        Version = "20260101-120000", Created = At, Algorithm = "FastTree",
        Hyperparameters = new Dictionary<string, string> { ["trees"] = "200" }, Threshold = 0.42,
        ThresholdRule = "maximises F1 on out-of-fold predictions", SelectionRule = "highest mean CV AUC-PR", Seed = 42,
        TrainingData = new DataDescription("churn-bigml-80.csv", "…", 2666, 388),
        TestData = new DataDescription("churn-bigml-20.csv", "…", 667, 97),
        Leaderboard = [], OnnxParity = new OnnxParity(1e-6, 667, 1e-5), Onnx = new OnnxSignature("features", "probability", 17),
        HoldoutMetrics = new HoldoutMetrics
        {
            Auc = 0.92, AucPr = 0.85, Accuracy = 0.96, Precision = 0.91, Recall = 0.82, F1 = 0.86, LogLoss = 0.15,
            ConfusionMatrix = new ConfusionMatrix(80, 8, 17, 562), Roc = [new RocPoint(0.42, 0.014, 0.82)],
        },
        FeatureNames = ["InternationalPlan"], FeatureStatistics = new Dictionary<string, FeatureStatistics>(), TrainingSeconds = 12.5,
    };
}
