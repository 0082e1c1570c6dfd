namespace Churn.Domain.Monitoring;

/// <summary>
/// The verdict on one distribution, and the overall alert state: <see cref="Ok"/> (PSI ≤ the warn threshold, 0.1),
/// <see cref="Warn"/> (above it), <see cref="Alert"/> (above the alert threshold, 0.25); <see cref="NotEnoughData"/> while
/// the window holds too few events for sampling noise to stay well below the warn threshold; <see cref="NoReference"/>
/// when the model card records no reference distribution (cards written before drift monitoring).
/// </summary>
public enum DriftState
{
    Ok,
    Warn,
    Alert,
    NotEnoughData,
    NoReference,
}
