namespace Churn.Domain.Models;

public sealed record DataDescription(string File, string Sha256, int Rows, int Positives);
