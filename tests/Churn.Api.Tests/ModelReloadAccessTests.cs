using System.Net;
using Churn.Core.Serving;
using Churn.Domain.Models;

namespace Churn.Api.Tests;

/// <summary>
/// A candidate whose files cannot even be opened (an access error, not an I/O error) is refused like any broken model:
/// the reload is a 422 naming the file and why, and the current model keeps serving.
/// </summary>
public sealed class ModelReloadAccessTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Reloading_while_the_model_file_is_a_directory_is_a_422_with_the_reason_and_the_old_model_keeps_serving()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateClientWithKey();
        var serving = factory.Models.Current!.Card.Version;
        var model = ModelFiles.ModelPath(factory.Settings.ModelDirectory);
        var good = await File.ReadAllBytesAsync(model, ct);
        File.Delete(model);
        Directory.CreateDirectory(model);
        try
        {
            var refused = await (await client.PostJson("/api/admin/model/reload", new { })).Problem(HttpStatusCode.UnprocessableEntity);

            Assert.Equal($"{model} cannot be read: it is a directory, not a file", refused["detail"]!.GetValue<string>());
            Assert.Equal(serving, refused["servingVersion"]!.GetValue<string>());
            Assert.Equal(serving, (await (await client.Get("/api/model")).Read<ModelCard>()).Version);
        }
        finally
        {
            Directory.Delete(model);
            await File.WriteAllBytesAsync(model, good, ct);
        }
    }
}
