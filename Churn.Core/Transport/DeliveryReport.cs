namespace Churn.Core.Transport;

/// <summary>What the transport says about one published message.</summary>
public sealed record DeliveryReport(string Topic, int Partition, long Offset, string? Error)
{
    public bool Delivered => Error is null;
}
