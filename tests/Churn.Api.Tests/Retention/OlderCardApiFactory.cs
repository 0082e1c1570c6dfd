using System.Text.Json.Nodes;
using Churn.Domain.Models;
using Microsoft.AspNetCore.Hosting;

namespace Churn.Api.Tests.Retention;

/// <summary>The Api serving the Trainer's model with a card written before retention economics: no <c>outOfFoldScores</c> member.</summary>
public sealed class OlderCardApiFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The model was copied by InitializeAsync; the card is rewritten before the host starts and loads it.
        var path = Path.Combine(Settings.ModelDirectory, ModelCardJson.FileName);
        var card = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        card.Remove("outOfFoldScores");
        File.WriteAllText(path, card.ToJsonString());
        base.ConfigureWebHost(builder);
    }
}
