namespace Churn.Domain.Models;

/// <summary>
/// One bin of a reliability diagram: the customers whose predicted probability lies in [<see cref="Lower"/>,
/// <see cref="Upper"/>) (the last bin includes 1), how many there are, their mean predicted probability and the share
/// of them that churned. A well calibrated model has <see cref="MeanPredicted"/> ≈ <see cref="ObservedRate"/>.
/// </summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanPredicted, double ObservedRate);
