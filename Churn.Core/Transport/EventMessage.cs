namespace Churn.Core.Transport;

/// <summary>A message on the event transport: key (customerId), raw value bytes and headers (trace context, schema…).</summary>
public sealed record EventMessage(string Key, byte[] Value, IReadOnlyList<KeyValuePair<string, byte[]>> Headers)
{
    public string? Header(string name)
    {
        for (var i = Headers.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Headers[i].Key, name, StringComparison.Ordinal))
            {
                return System.Text.Encoding.UTF8.GetString(Headers[i].Value);
            }
        }
        return null;
    }
}
