using Churn.Core.Serving;
using Churn.Domain.Models;
using Microsoft.Extensions.Logging;

namespace Churn.Core.Challenger;

/// <summary>
/// Promotes the challenger through the serving model's hot swap: the champion's files are kept in
/// <see cref="PreviousDirectory"/>, the challenger slot's files are moved into the model directory (as the Trainer
/// writes them), and <see cref="ModelProvider.ReloadAsync"/> decides. Swapped (or the version already served): the
/// slot is emptied and there is no challenger any more. Refused: the champion's files are put back, it keeps serving
/// and the challenger stays. Every process watching the model directory (the Kafka mode's Scoring replicas) picks the
/// move up by its own hot swap.
/// </summary>
public sealed partial class ChallengerPromotion(ModelProvider champion, ChallengerProvider challenger, ChallengerMetrics metrics,
    ILogger<ChallengerPromotion> logger)
{
    /// <summary>Where the replaced champion's files are kept (under the model directory).</summary>
    public const string PreviousDirectoryName = "previous";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public string PreviousDirectory => Path.Combine(champion.Directory, PreviousDirectoryName);

    /// <summary>The champion's swap result, or null when there is no challenger to promote.</summary>
    public async Task<ModelSwapResult?> PromoteAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (challenger.Current is not { } shadowing)
            {
                return null;
            }
            var compared = shadowing.Card.Version;
            var serving = champion.Current?.Card.Version;
            var slot = challenger.Directory;
            string inSlot;
            try
            {
                inSlot = ModelFiles.ReadCard(slot).Version;
            }
            catch (ModelValidationException ex)
            {
                return Refused(compared, serving, ex.Message);
            }
            if (inSlot != compared)
            {
                return Refused(compared, serving, $"the challenger slot {slot} now holds {inSlot}, not {compared}, which is the one " +
                    "compared; promote again once it has been loaded and compared");
            }
            // From here on the directory is being changed: finish whatever the caller does.
            ModelDirectoryFiles.Mirror(champion.Directory, PreviousDirectory);
            ModelDirectoryFiles.Mirror(slot, champion.Directory);
            var result = await champion.ReloadAsync(CancellationToken.None);
            if (result.Outcome == ModelSwapOutcome.Rejected)
            {
                ModelDirectoryFiles.Mirror(PreviousDirectory, champion.Directory);
                return Refused(compared, result.ServingVersion, result.Reason ?? "refused");
            }
            ModelDirectoryFiles.Empty(slot);
            await challenger.ReloadAsync(CancellationToken.None);
            metrics.Promotions.Add(1, new KeyValuePair<string, object?>("outcome", result.Outcome.ToString()));
            LogPromoted(compared, serving ?? "none", result.Outcome, PreviousDirectory);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private ModelSwapResult Refused(string challengerVersion, string? serving, string reason)
    {
        metrics.Promotions.Add(1, new KeyValuePair<string, object?>("outcome", nameof(ModelSwapOutcome.Rejected)));
        LogRefused(challengerVersion, serving ?? "none", reason);
        return new ModelSwapResult(ModelSwapOutcome.Rejected, serving, reason);
    }

    [LoggerMessage(LogLevel.Information, "Challenger {Version} promoted (was serving: {Previous}; {Outcome}); the previous champion's files are in {PreviousDirectory}, the challenger slot is empty")]
    private partial void LogPromoted(string version, string previous, ModelSwapOutcome outcome, string previousDirectory);

    [LoggerMessage(LogLevel.Error, "Promoting challenger {Version} refused; {Serving} keeps serving and the challenger stays: {Reason}")]
    private partial void LogRefused(string version, string serving, string reason);
}
