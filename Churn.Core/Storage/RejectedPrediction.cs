namespace Churn.Core.Storage;

/// <summary>A prediction the store refused, and the store's reason.</summary>
public sealed record RejectedPrediction(string EventId, string Reason);
