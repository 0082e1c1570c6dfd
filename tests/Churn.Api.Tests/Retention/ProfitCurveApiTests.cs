using System.Text.Json;
using Churn.Api.Retention;
using Churn.Domain.Api;

namespace Churn.Api.Tests.Retention;

/// <summary>GET /api/model/profit-curve over the model the Api serves, with the deployment's economics.</summary>
public sealed class ProfitCurveApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_profit_curve_is_the_serving_cards_with_the_configured_economics()
    {
        var card = factory.Models.Current!.Card;

        var curve = await (await factory.CreateClient().Get("/api/model/profit-curve")).Read<ProfitCurveResponse>();

        Assert.Equal(card.Version, curve.ModelVersion);
        Assert.Equal(JsonSerializer.Serialize(ProfitCurves.For(card, new RetentionOptions().Economics), Json.Options),
            JsonSerializer.Serialize(curve, Json.Options));
        Assert.Equal([ProfitCurves.F1, ProfitCurves.Profit, ProfitCurves.BreakEven], curve.Thresholds.Select(t => t.Name));
    }
}
