using System.Net;

namespace Churn.Api.Tests.Retention;

/// <summary>Without a model there is no curve: 503, as for the card.</summary>
public sealed class NoModelProfitCurveTests(NoModelApiFactory factory) : IClassFixture<NoModelApiFactory>
{
    [Fact]
    public async Task Without_a_serving_model_the_profit_curve_is_a_503() =>
        Assert.Equal("No model is serving",
            (await (await factory.CreateClient().Get("/api/model/profit-curve")).Problem(HttpStatusCode.ServiceUnavailable))["title"]!.GetValue<string>());
}
