namespace Churn.Core.Transport;

/// <summary>
/// What the transport says about one published message: its position when delivered, else the error and whether
/// trying again can help (<see cref="Failure"/>; a failure is <see cref="DeliveryFailure.Transient"/> unless the
/// transport knows better).
/// </summary>
public sealed record DeliveryReport(string Topic, int Partition, long Offset, string? Error,
    DeliveryFailure Kind = DeliveryFailure.Transient)
{
    public bool Delivered => Error is null;

    public DeliveryFailure Failure => Delivered ? DeliveryFailure.None : Kind;

    public static DeliveryReport Failed(string topic, int partition, string error, DeliveryFailure kind = DeliveryFailure.Transient) =>
        new(topic, partition, -1, error, kind);
}
