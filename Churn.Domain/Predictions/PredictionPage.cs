namespace Churn.Domain.Predictions;

public sealed record PredictionPage(IReadOnlyList<Prediction> Items, long Total, int Page, int PageSize);
