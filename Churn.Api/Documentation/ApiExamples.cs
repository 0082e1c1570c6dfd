using Churn.Api.Explanations;
using Churn.Domain.DeadLetters;
using Churn.Domain.Features;

namespace Churn.Api.Documentation;

/// <summary>
/// Example bodies of the OpenAPI document, in the formats the pipeline really produces: the first row of the BigML
/// test file replayed (<c>csv-{SHA-256 prefix of the file}-{line}</c>, customer <c>c-{8 hex}-{line}</c>), an Api event id
/// (<c>api-{UUIDv7}</c>) and a Trainer model version (<c>{candidate}-{SHA-256 prefix of the ONNX file}</c>).
/// </summary>
internal static partial class ApiExamples
{
    private static readonly DateTimeOffset At = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public const string ModelVersion = "light-gbm-8-leaves-ff-min-40-3c26da71a852";

    public const double Threshold = 0.3638;

    /// <summary>Line 2 of churn-bigml-20.csv.</summary>
    public static readonly CustomerRecord Customer = new()
    {
        State = "LA", AccountLength = 117, AreaCode = 408, InternationalPlan = false, VoiceMailPlan = false,
        NumberVmailMessages = 0, TotalDayMinutes = 184.5, TotalDayCalls = 97, TotalDayCharge = 31.37,
        TotalEveMinutes = 351.6, TotalEveCalls = 80, TotalEveCharge = 29.89, TotalNightMinutes = 215.8,
        TotalNightCalls = 90, TotalNightCharge = 9.71, TotalIntlMinutes = 8.7, TotalIntlCalls = 4,
        TotalIntlCharge = 2.35, CustomerServiceCalls = 1, Churn = false,
    };

    /// <summary><see cref="Customer"/> scored by <see cref="ModelVersion"/> as the worker stores it: ONNX Runtime's float
    /// probability widened to double, and the reasons the model's explainer computed with it.</summary>
    public static readonly Prediction Prediction = new()
    {
        EventId = "csv-c73bb8e7a47c-2", CustomerId = "c-c73bb8e7-2", Source = "csv:churn-bigml-20.csv", Customer = Customer,
        ChurnProbability = 0.009076923f, PredictedChurn = false, RiskBand = RiskBand.Low, ModelVersion = ModelVersion,
        OccurredAt = At, IngestedAt = At.AddMilliseconds(3), ScoredAt = At.AddMilliseconds(9),
        Reasons = new PredictionReasons
        {
            Method = "tree-path", BaseScore = -6.008453, Score = -9.385813,
            Top =
            [
                new ReasonCode("TotalEveMinutes", 351.6, -1.516404),
                new ReasonCode("InternationalRisk", 0, -0.55761),
                new ReasonCode("TotalCharge", 73.32, -0.503993),
            ],
        },
    };

    public static readonly PredictionPage PredictionPage = new([Prediction], 1, 1, 50);

    public static readonly CustomerBatchRequest BatchRequest = new() { Customers = [CustomerInput.From(Customer with { Churn = null })] };

    /// <summary>The event id POST /api/customers returns for <see cref="BatchRequest"/>'s customer.</summary>
    public static readonly PublishedCustomers Published = new(["api-019bc0fd89c073c19a4fe2b6c0d81f57"]);

    /// <summary>An Idempotency-Key as clients usually make them (a UUID).</summary>
    public const string IdempotencyKey = "8e03978e-40d5-43e8-bc93-6894a57f9324";

    /// <summary>
    /// POST /api/customers of two customers under <see cref="IdempotencyKey"/> into a log that stayed full: the ids are
    /// the ones that key derives (<c>api-{SHA-256 prefix of the key}-{position}</c>), the reason the embedded log's.
    /// </summary>
    public static readonly ProblemDetails PartiallyPublished = new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        Title = "The stream did not accept every customer",
        Status = 503,
        Detail = "1 of 2 customers were not accepted; send the same request again with the same Idempotency-Key: every customer " +
            "keeps its event id, so the accepted ones are written again, never duplicated.",
        Extensions =
        {
            ["accepted"] = new[] { new AcceptedCustomer(0, "crm-42", "api-238c5b6ddb487a6d063ce774c2f42b20-0") },
            ["notAccepted"] = new[]
            {
                new NotAcceptedCustomer(1, "api-238c5b6ddb487a6d063ce774c2f42b20-1", "api-238c5b6ddb487a6d063ce774c2f42b20-1",
                    "Gave up waiting for space in churn.customers[2]: the publish was cancelled (its deadline passed or its " +
                    "caller left) while the partition had no space (capacity 65536, uncommitted by its consumer groups)."),
            },
        },
    };

    public static readonly ScoreResponse Score = new(ModelVersion, Threshold,
    [
        new CustomerScore(0.081, false, RiskBand.Low, new Explanation(ExplainedScoring.Method,
            [
                new("EveUsage", "351.6 min / $29.89", "200.9 min / $17.08", 0.031),
                new("DayUsage", "184.5 min / $31.37", "179.95 min / $30.59", 0.002),
                new("CustomerServiceCalls", "1", "1", 0),
            ],
            [new("EveUsage", "351.6 min / $29.89", "200.9 min / $17.08", 0.031), new("DayUsage", "184.5 min / $31.37", "179.95 min / $30.59", 0.002)],
            [])),
    ]);

    public static readonly PredictionStats Stats = new()
    {
        Total = 667, PredictedChurn = 88,
        ByRiskBand = new Dictionary<RiskBand, long> { [RiskBand.Low] = 540, [RiskBand.Medium] = 39, [RiskBand.High] = 88 },
        ByState = [new StateStats("KS", 14, 3, 0.19)],
        ProbabilityHistogram = [480, 40, 20, 19, 12, 8, 10, 15, 23, 40],
        Throughput = [new ThroughputPoint(At, 667)],
        Labelled = new LabelledOutcomes(80, 8, 17, 562),
        Current = RetentionExamples.Current, Retention = RetentionExamples.Summary,
    };

    public static readonly ModelsResponse Models = new(ModelVersion,
        [new ModelSummary(ModelVersion, At, "LightGbm", 0.936, 0.927, Threshold, true)]);

    /// <summary>
    /// A record of the test file published with broken JSON, dead-lettered by the worker, and line 9 of the test file
    /// with an account length that is not a number, rejected by ingest.
    /// </summary>
    public static readonly DeadLetterPage DeadLetters = new(
    [
        new DeadLetter
        {
            Topic = "churn.customers.dlq", Partition = 1, Offset = 17, ReasonKind = "deserialization failed",
            Reason = "deserialization failed: invalid JSON: '}' is invalid after a property name. Expected a ':'. Path: $ | LineNumber: 0 | BytePositionInLine: 28.",
            SourceTopic = "churn.customers", SourcePartition = 2, SourceOffset = 1041, Key = "c-c73bb8e7-2",
            Excerpt = """{"schemaVersion":1,"eventId"}""", ValueBytes = 29, DeadLetteredAt = At.AddSeconds(42),
        },
        new DeadLetter
        {
            Topic = "churn.customers.dlq", Partition = 3, Offset = 4, ReasonKind = "ingest rejected",
            Reason = "line 9: Account length: 'oops' is not a whole number", Origin = "csv:churn-bigml-20.csv:9",
            Key = "csv:churn-bigml-20.csv:9", Excerpt = "ID,oops,415,No,No,0,159.1,114,27.05,231.3,117,19.66,143.2,91,6.44,8.8,3,2.38,5,True",
            ValueBytes = 83, DeadLetteredAt = At.AddSeconds(1),
        },
    ], 2, 1, 50, [new ReasonKindCount("deserialization failed", 1), new ReasonKindCount("ingest rejected", 1)]);

    public static readonly ReplayReport Replay = new("csv:churn-bigml-20.csv", 667, 0, 0);

    public static readonly ModelSwapResult Swapped = new(ModelSwapOutcome.Swapped, ModelVersion);

    public static readonly ModelCard Card = new()
    {
        Version = ModelVersion, Created = At, Algorithm = "LightGbm",
        Hyperparameters = new Dictionary<string, string>
        {
            ["iterations"] = "300", ["leaves"] = "8", ["learningRate"] = "0.03", ["minLeaf"] = "40", ["featureFraction"] = "0.8",
        },
        Threshold = Threshold,
        Calibration = new CalibrationChoice
        {
            Serving = ProbabilityCalibrator.None,
            Rule = "nested 5-fold cross-validation over the winner's out-of-fold predictions (fit on 4/5, score on 1/5, per repeat): " +
                "the lowest mean Brier score; a calibrator (Platt on the logit, isotonic) replaces the learner's own probabilities " +
                "only when it lowers the mean Brier score by more than 2 standard errors of the per-fold paired difference",
            Compared =
            [
                new CalibratorEvaluation { Method = "none", Brier = new(0.0209, 0.0053), Ece = new(0.009, 0.0031), LogLoss = new(0.1054, 0.0225), Selected = true },
                new CalibratorEvaluation { Method = "platt", Brier = new(0.0211, 0.0052), Ece = new(0.0094, 0.0041), LogLoss = new(0.1055, 0.0213), Selected = false },
                new CalibratorEvaluation { Method = "isotonic", Brier = new(0.0209, 0.0055), Ece = new(0.006, 0.0046), LogLoss = new(0.1102, 0.0343), Selected = false },
            ],
        },
        ThresholdRule = "maximises churn-class F1 on the pooled out-of-fold predictions of repeated stratified 5-fold cross-validation " +
            "on the training file, after the card's calibrator (midpoint between adjacent distinct probabilities; ties go to the cut closest to 0.5)",
        SelectionRule = "lowest mean cross-validated log-loss; candidates within 0.002 of it are decided by the higher mean cross-validated AUC",
        Seed = 1,
        TrainingData = new DataDescription("churn-bigml-80.csv", "bb94fcee7bca1aeffd42ff50b025b50f473824f6813805752cbdcad1c996834e", 2666, 388),
        TestData = new DataDescription("churn-bigml-20.csv", "c73bb8e7a47c8fced62ddef54741bbbc4005243fb40a65996360337844fd17f7", 667, 95),
        Leaderboard = [], OnnxParity = new OnnxParity(1.9e-7, 667, 1e-5),
        Onnx = new OnnxSignature("Features", "Probability.output", ChurnFeatures.Count),
        HoldoutMetrics = new HoldoutMetrics
        {
            Auc = 0.936, AucPr = 0.911, Accuracy = 0.981, Precision = 0.988, Recall = 0.874, F1 = 0.927, LogLoss = 0.1,
            ConfusionMatrix = new ConfusionMatrix(83, 1, 12, 571), Roc = [new RocPoint(Threshold, 0.002, 0.874)],
            Brier = 0.019, Ece = 0.0064,
            Reliability = [new ReliabilityBin(0, 0.1, 569, 0.0218, 0.0211), new ReliabilityBin(0.9, 1, 83, 0.9869, 1)],
        },
        FeatureNames = ChurnFeatures.Names, FeatureStatistics = new Dictionary<string, FeatureStatistics>(), TrainingSeconds = 45.6,
    };
}
