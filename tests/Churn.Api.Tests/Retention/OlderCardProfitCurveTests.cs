using Churn.Api.Retention;
using Churn.Domain.Api;
using Churn.Domain.Models;

namespace Churn.Api.Tests.Retention;

/// <summary>A card written before retention economics still gives its test-file curve, without a profit-optimal threshold.</summary>
public sealed class OlderCardProfitCurveTests(OlderCardApiFactory factory) : IClassFixture<OlderCardApiFactory>
{
    [Fact]
    public async Task An_older_card_has_the_test_file_curve_the_f1_and_the_break_even_thresholds_and_no_out_of_fold_data()
    {
        var card = await (await factory.CreateClient().Get("/api/model")).Read<ModelCard>();

        var curve = await (await factory.CreateClient().Get("/api/model/profit-curve")).Read<ProfitCurveResponse>();

        Assert.Null(card.OutOfFoldScores);
        Assert.Null(curve.OutOfFold);
        Assert.Equal([ProfitCurves.F1, ProfitCurves.BreakEven], curve.Thresholds.Select(t => t.Name));
        Assert.Equal(card.TestData.Rows, curve.TestFile.Points[^1].Contacted);
    }
}
