namespace Churn.Benchmarks.Api;

/// <summary>One request as the load runs send it.</summary>
internal static class Http
{
    /// <summary>Sends, reads the whole body, returns the status (0 when no response came back).</summary>
    public static async Task<int> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        try
        {
            using (request)
            using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead))
            {
                return (int)response.StatusCode;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return 0;
        }
    }
}
