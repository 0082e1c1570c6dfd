using Churn.Domain.Monitoring;

namespace Churn.Api.Documentation;

/// <summary>
/// The example of GET /api/monitoring: the test file replayed with every customer's day minutes and day charge raised by
/// 30 % (the shifted stream of the tests), scored by the Trainer's model (seed 1), against its card. Four of the 19 fields
/// are shown (the two shifted ones alert; the others stay below 0.1); the numbers are the ones the monitor computed.
/// </summary>
internal static class MonitoringExample
{
    private static readonly DateTimeOffset At = new(2026, 1, 15, 9, 45, 0, TimeSpan.Zero);

    public static readonly MonitoringReport Report = new()
    {
        ComputedAt = At.AddSeconds(30),
        AlertState = DriftState.Alert,
        Alerts =
        [
            "TotalDayMinutes: PSI 0.735 > 0.25 (alert)",
            "TotalDayCharge: PSI 0.734 > 0.25 (alert)",
            "predictions of light-gbm-8-leaves-ff-min-40-3c26da71a852: PSI 0.219 > 0.1 (warn)",
        ],
        Settings = new MonitoringSettings
        {
            WindowSize = 2000, MinimumEvents = 200, WarnPsi = 0.1, AlertPsi = 0.25, Epsilon = 1e-4, QualityWindowSize = 5000,
            MinimumLabelled = 100,
        },
        Events = 667,
        WindowFrom = At,
        WindowTo = At.AddSeconds(13.3),
        ReferenceModelVersion = ApiExamples.ModelVersion,
        Features =
        [
            new FeatureDrift
            {
                Feature = "TotalDayMinutes", Kind = "numeric", Psi = 0.734622, State = DriftState.Alert, Events = 667, MinimumEvents = 200,
                Bins =
                [
                    Range("≤ 110.3", null, 110.3, 0.10015, 0.047976, 32, 0.038398),
                    Range("(110.3, 134.3]", 110.3, 134.3, 0.10015, 0.037481, 25, 0.061593),
                    Range("(134.3, 150.6]", 134.3, 150.6, 0.10015, 0.035982, 24, 0.065686),
                    Range("(150.6, 165.8]", 150.6, 165.8, 0.099775, 0.035982, 24, 0.065062),
                    Range("(165.8, 179.9]", 165.8, 179.9, 0.099775, 0.053973, 36, 0.028142),
                    Range("(179.9, 194.3]", 179.9, 194.3, 0.100525, 0.067466, 45, 0.013183),
                    Range("(194.3, 207.7]", 194.3, 207.7, 0.099775, 0.092954, 62, 0.000483),
                    Range("(207.7, 223.5]", 207.7, 223.5, 0.10015, 0.07946, 53, 0.004788),
                    Range("(223.5, 248.9]", 223.5, 248.9, 0.099775, 0.134933, 90, 0.010613),
                    Range("> 248.9", 248.9, null, 0.099775, 0.413793, 276, 0.446675),
                ],
            },
            new FeatureDrift
            {
                Feature = "TotalDayCharge", Kind = "numeric", Psi = 0.734158, State = DriftState.Alert, Events = 667, MinimumEvents = 200,
                Bins =
                [
                    Range("≤ 18.75", null, 18.75, 0.10015, 0.047976, 32, 0.038398),
                    Range("(18.75, 22.83]", 18.75, 22.83, 0.10015, 0.037481, 25, 0.061593),
                    Range("(22.83, 25.6]", 22.83, 25.6, 0.10015, 0.035982, 24, 0.065686),
                    Range("(25.6, 28.19]", 25.6, 28.19, 0.099775, 0.035982, 24, 0.065062),
                    Range("(28.19, 30.58]", 28.19, 30.58, 0.099775, 0.053973, 36, 0.028142),
                    Range("(30.58, 33.03]", 30.58, 33.03, 0.100525, 0.067466, 45, 0.013183),
                    Range("(33.03, 35.31]", 33.03, 35.31, 0.099775, 0.091454, 61, 0.000725),
                    Range("(35.31, 38]", 35.31, 38, 0.10015, 0.08096, 54, 0.004082),
                    Range("(38, 42.31]", 38, 42.31, 0.099775, 0.134933, 90, 0.010613),
                    Range("> 42.31", 42.31, null, 0.099775, 0.413793, 276, 0.446675),
                ],
            },
            new FeatureDrift
            {
                Feature = "CustomerServiceCalls", Kind = "numeric", Psi = 0.001321, State = DriftState.Ok, Events = 667, MinimumEvents = 200,
                Bins =
                [
                    Range("≤ 0", null, 0, 0.208177, 0.212894, 142, 0.000106),
                    Range("(0, 1]", 0, 1, 0.354464, 0.353823, 236, 1e-06),
                    Range("(1, 2]", 1, 2, 0.228057, 0.226387, 151, 1.2e-05),
                    Range("(2, 3]", 2, 3, 0.130533, 0.121439, 81, 0.000657),
                    Range("> 3", 3, null, 0.07877, 0.085457, 57, 0.000545),
                ],
            },
            new FeatureDrift
            {
                Feature = "InternationalPlan", Kind = "categorical", Psi = 0.005815, State = DriftState.Ok, Events = 667, MinimumEvents = 200,
                Bins =
                [
                    Level("no", 0.898725, 0.92054, 614, 0.000523),
                    Level("yes", 0.101275, 0.07946, 53, 0.005292),
                ],
            },
        ],
        Predictions =
        [
            new PredictionDrift
            {
                ModelVersion = ApiExamples.ModelVersion, Events = 667, Psi = 0.218964, State = DriftState.Warn, MinimumEvents = 200,
                MeanPredicted = 0.28363,
                Bins =
                [
                    Range("≤ 0.0055", null, 0.005454, 0.100025, 0.052474, 35, 0.030676),
                    Range("(0.0055, 0.0079]", 0.005454, 0.007918, 0.100025, 0.065967, 44, 0.014177),
                    Range("(0.0079, 0.0104]", 0.007918, 0.010397, 0.100025, 0.076462, 51, 0.00633),
                    Range("(0.0104, 0.0133]", 0.010397, 0.013282, 0.100025, 0.064468, 43, 0.015619),
                    Range("(0.0133, 0.0169]", 0.013282, 0.01687, 0.0999, 0.092954, 62, 0.000501),
                    Range("(0.0169, 0.0221]", 0.01687, 0.022128, 0.100025, 0.092954, 62, 0.000518),
                    Range("(0.0221, 0.03]", 0.022128, 0.030047, 0.100025, 0.089955, 60, 0.001069),
                    Range("(0.03, 0.0486]", 0.030047, 0.048642, 0.100025, 0.101949, 68, 3.7e-05),
                    Range("(0.0486, 0.9764]", 0.048642, 0.97637, 0.100025, 0.104948, 70, 0.000236),
                    Range("> 0.9764", 0.97637, null, 0.0999, 0.257871, 172, 0.149802),
                ],
            },
        ],
        Quality =
        [
            new LiveQuality
            {
                ModelVersion = ApiExamples.ModelVersion, Labelled = 667, Churners = 95, EnoughLabels = true, Auc = 0.756643,
                Precision = 0.389831, Recall = 0.726316, Brier = 0.198003, PredictedChurnRate = 0.265367,
                MeanPredicted = 0.28363, ObservedChurnRate = 0.142429,
                Expected = new ExpectedQuality(0.935812, 0.988095, 0.873684, 0.018977, 95.0 / 667),
            },
        ],
    };

    private static DriftBin Range(string label, double? lower, double? upper, double expected, double actual, int count, double contribution) =>
        new() { Label = label, Lower = lower, Upper = upper, Expected = expected, Actual = actual, Count = count, Contribution = contribution };

    private static DriftBin Level(string level, double expected, double actual, int count, double contribution) =>
        new() { Label = level, Level = level, Expected = expected, Actual = actual, Count = count, Contribution = contribution };
}
