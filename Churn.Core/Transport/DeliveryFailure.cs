namespace Churn.Core.Transport;

/// <summary>Why the transport gave up on a message, as far as what to do next is concerned.</summary>
public enum DeliveryFailure
{
    /// <summary>Delivered.</summary>
    None,

    /// <summary>The broker or the log was unavailable, full or slow: sending the same message again may work.</summary>
    Transient,

    /// <summary>The message is larger than the transport accepts: the same bytes will never be delivered.</summary>
    TooLarge,

    /// <summary>The destination refuses it for good (the topic does not exist, no permission): nothing sent there lands.</summary>
    Refused,
}
