using System.Net;
using Churn.Core.Serving;
using Churn.Domain.Customers;

namespace Churn.Api.Tests;

/// <summary>Waiting on real conditions (a prediction stored by the worker) with a deadline, and the real model scored directly.</summary>
public static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Polls <paramref name="url"/> until it answers 200 (e.g. a prediction the worker has stored) and returns it.</summary>
    public static Task<HttpResponseMessage> OkAsync(HttpClient client, string url) =>
        UntilAsync(() => client.GetAsync(url, TestContext.Current.CancellationToken), r => r.StatusCode == HttpStatusCode.OK);

    /// <summary>Observes <paramref name="observe"/> until <paramref name="done"/>; fails with the last value after the timeout.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> observe, Func<T, bool> done)
    {
        var stop = DateTime.UtcNow + Timeout;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var last = await observe();
        while (!done(last))
        {
            Assert.True(DateTime.UtcNow < stop, $"condition not met within {Timeout}; last observed {last}");
            await timer.WaitForNextTickAsync(TestContext.Current.CancellationToken);
            last = await observe();
        }
        return last;
    }

    /// <summary>The real model's probability for one customer, scored directly (no Api).</summary>
    public static double ProbabilityOf(this IChurnScorer scorer, CustomerRecord customer)
    {
        var probability = new float[1];
        scorer.Score([customer], probability);
        return probability[0];
    }
}
