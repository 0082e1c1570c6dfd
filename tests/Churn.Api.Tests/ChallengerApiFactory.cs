using Churn.Core.Challenger;
using Churn.Testing;

namespace Churn.Api.Tests;

/// <summary>
/// The Api with a real challenger in its slot (the default one, <c>challenger</c> under the model directory): a copy of
/// <see cref="TrainedChallenger"/>, loaded at start beside the serving model and scored in shadow by the worker.
/// </summary>
public sealed class ChallengerApiFactory : ApiFactory, IAsyncLifetime
{
    public string Slot => Path.Combine(Settings.ModelDirectory, ChallengerOptions.DefaultSlotName);

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await TrainedChallenger.CopyToAsync(Slot);
    }
}
