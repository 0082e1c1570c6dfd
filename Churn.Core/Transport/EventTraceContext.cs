using System.Diagnostics;
using System.Text;
using OpenTelemetry.Context.Propagation;

namespace Churn.Core.Transport;

/// <summary>
/// Carries W3C trace context (<c>traceparent</c>/<c>tracestate</c>) and baggage across the event transport in message
/// headers, so one customer record is one trace from ingest to the stored prediction, in every transport.
/// Uses the W3C propagators directly rather than <c>Propagators.DefaultTextMapPropagator</c>, which is a no-op until
/// the OpenTelemetry SDK has started.
/// </summary>
public static class EventTraceContext
{
    private static readonly TextMapPropagator Propagator =
        new CompositeTextMapPropagator([new TraceContextPropagator(), new BaggagePropagator()]);

    /// <summary>Adds the context of <paramref name="activity"/> (or the current one) to <paramref name="headers"/>.</summary>
    public static void Inject(Activity? activity, ICollection<KeyValuePair<string, byte[]>> headers)
    {
        var context = activity?.Context ?? Activity.Current?.Context ?? default;
        if (context == default)
        {
            return;
        }
        Propagator.Inject(new PropagationContext(context, OpenTelemetry.Baggage.Current), headers,
            static (carrier, key, value) => carrier.Add(new(key, Encoding.UTF8.GetBytes(value))));
    }

    /// <summary>The producer's context carried by <paramref name="message"/>, or default when it carries none.</summary>
    public static ActivityContext Extract(EventMessage message)
    {
        var propagation = Propagator.Extract(default, message,
            static (carrier, key) => carrier.Header(key) is { } value ? [value] : []);
        return propagation.ActivityContext;
    }
}
