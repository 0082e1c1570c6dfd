using Churn.Api.Retention;
using Churn.Domain.Retention;

namespace Churn.Api.Documentation;

/// <summary>
/// Example bodies of the retention endpoints with the default economics (<see cref="RetentionOptions"/>), in what the
/// Api answers for the Trainer's model (seed 1) over the replayed test file: the campaign of budget 60 (the two
/// customers of highest probability, lines 463 and 116, with the reasons stored with their predictions), and the profit
/// curve with some of its points.
/// </summary>
internal static class RetentionExamples
{
    private static readonly DateTimeOffset At = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public static readonly RetentionEconomics Economics = new RetentionOptions().Economics;

    public const double CampaignBudget = 60;

    public static readonly Prediction[] Highest =
    [
        Replayed(463, 0.9976203441619873, Reasons(12.076801,
            new("TotalChargeWithoutVoiceMail", 76.03001, 13.442351), new("InternationalRisk", 1, 2.670274), new("TotalCharge", 76.03001, 1.499507)),
            new CustomerRecord
        {
            State = "NY", AccountLength = 126, AreaCode = 415, InternationalPlan = true, VoiceMailPlan = false, NumberVmailMessages = 0,
            TotalDayMinutes = 239.7, TotalDayCalls = 87, TotalDayCharge = 40.75, TotalEveMinutes = 281.7, TotalEveCalls = 92,
            TotalEveCharge = 23.94, TotalNightMinutes = 183.5, TotalNightCalls = 113, TotalNightCharge = 8.26, TotalIntlMinutes = 11.4,
            TotalIntlCalls = 1, TotalIntlCharge = 3.08, CustomerServiceCalls = 1, Churn = true,
        }),
        Replayed(116, 0.9970377683639526, Reasons(11.637735,
            new("TotalChargeWithoutVoiceMail", 77.53999, 13.820076), new("TotalCharge", 77.53999, 1.767472), new("TotalCalls", 282, 0.774698)),
            new CustomerRecord
        {
            State = "WV", AccountLength = 44, AreaCode = 510, InternationalPlan = false, VoiceMailPlan = false, NumberVmailMessages = 0,
            TotalDayMinutes = 228.1, TotalDayCalls = 121, TotalDayCharge = 38.78, TotalEveMinutes = 276.5, TotalEveCalls = 79,
            TotalEveCharge = 23.5, TotalNightMinutes = 279.8, TotalNightCalls = 77, TotalNightCharge = 12.59, TotalIntlMinutes = 9.9,
            TotalIntlCalls = 5, TotalIntlCharge = 2.67, CustomerServiceCalls = 2, Churn = true,
        }),
    ];

    /// <summary>GET /api/campaign?budget=60: two offers of 30 fit, and more customers had a positive expected gain.</summary>
    public static readonly CampaignResponse Campaign = CampaignPlanner.Plan(new CampaignRequest(CampaignBudget, null), Economics,
        (int)CampaignPlanner.Affordable(CampaignBudget, Economics.OfferCost), CampaignLimit.Budget, Highest) with { LimitedBy = CampaignLimit.Budget };

    public static readonly ProfitCurveResponse ProfitCurve = new(ApiExamples.ModelVersion, Economics,
        new Churn.Domain.Api.ProfitCurve("the test file churn-bigml-20.csv (667 customers, 95 churners) scored by this model, from the card's ROC points", 667, 95,
        [
            new(0.99762, 1, 1, 150, 149.5716), new(0.997038, 2, 2, 300, 299.03844), new(0.996944, 3, 3, 450, 448.48836),
            new(0.500929, 84, 83, 12420, 12314.52774), new(0.229316, 87, 83, 12330, 12373.42968), new(0.167967, 89, 83, 12270, 12380.59956),
            new(0.001964, 667, 95, -2910, -2527.21884),
        ]),
        new Churn.Domain.Api.ProfitCurve("the winner's pooled out-of-fold predictions (3 × stratified 5-fold cross-validation of churn-bigml-80.csv: " +
            "7,998 = 3 × 2,666 rows) after the card's calibrator, in bins of 0.001", 7998, 1164,
        [
            new(0.999, 2, 2, 300, 299.65386), new(0.998, 19, 19, 2850, 2844.67758), new(0, 7998, 1164, -30420, -35769.17628),
        ]),
        [
            new(ProfitCurves.F1, "maximises churn-class F1 on the pooled out-of-fold predictions of repeated stratified 5-fold cross-validation " +
                "on the training file, after the card's calibrator (midpoint between adjacent distinct probabilities; ties go to the cut closest to 0.5)",
                0.3637860268354416, new(0.3637860268354416, 84, 83, 12420, 12314.52774), new(0.3637860268354416, 1003, 999, 149730, 146903.44254)),
            new(ProfitCurves.Profit, ProfitCurves.ProfitRule, 0.223, new(0.223, 87, 83, 12330, 12373.42968), new(0.223, 1014, 1002, 149940, 147106.40526)),
            new(ProfitCurves.BreakEven, ProfitCurves.BreakEvenRule, Economics.BreakEvenProbability,
                new(Economics.BreakEvenProbability, 89, 83, 12270, 12380.59956), new(Economics.BreakEvenProbability, 1023, 1002, 149670, 147167.4681)),
        ]);

    /// <summary>The current risk of the replayed test file: 667 customers, 89 of them above the break-even.</summary>
    public static readonly CurrentRisk Current = new(667, 97.12655, Economics.BreakEvenProbability, 89, 83.61444);

    public static readonly RetentionSummary Summary = RetentionSummary.Of(Economics, Current);

    private static Prediction Replayed(int line, double probability, PredictionReasons reasons, CustomerRecord customer) => new()
    {
        EventId = $"csv-c73bb8e7a47c-{line}", CustomerId = $"c-c73bb8e7-{line}", Source = "csv:churn-bigml-20.csv", Customer = customer,
        ChurnProbability = probability, PredictedChurn = true, RiskBand = RiskBand.High, ModelVersion = ApiExamples.ModelVersion,
        OccurredAt = At, IngestedAt = At.AddMilliseconds(2), ScoredAt = At.AddMilliseconds(8), Reasons = reasons,
    };

    /// <summary>The reasons the model's explainer stores with the prediction: why the customer is on the list.</summary>
    private static PredictionReasons Reasons(double score, params ReasonCode[] top) =>
        new() { Method = "tree-path", BaseScore = -6.008453, Score = score, Top = top };
}
