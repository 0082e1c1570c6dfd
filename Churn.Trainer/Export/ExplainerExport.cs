using Churn.Core.Reasons;
using Churn.Domain.Models;
using Churn.Trainer.Cli;

namespace Churn.Trainer.Export;

/// <summary>
/// Writes <c>model-explainer.json</c> beside <c>model.onnx</c> (before the card, so a reader that sees the card sees
/// its explainer): the training file routed through the exported trees (node covers), checked on the test file to add
/// up to ONNX Runtime's raw ensemble output. A winner whose graph the explainer cannot read (not a tree ensemble, or a
/// failed check) gets no explainer — any earlier one is removed — and the model serves without reasons; it is never
/// refused for it.
/// </summary>
public static class ExplainerExport
{
    public static void Write(ModelCard card, TrainingResult result, TrainerOptions options)
    {
        var path = Path.Combine(options.OutputDirectory, ExplainerArtifact.FileName);
        try
        {
            var artifact = ExplainerArtifact.Create(result.Onnx, card, result.Train.Customers, result.Train.Describe(), result.Test.Customers);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, ExplainerArtifact.Serialize(artifact));
            File.Move(temporary, path, overwrite: true);
        }
        catch (TreeEnsembleFormatException ex)
        {
            File.Delete(path);
            Console.Error.WriteLine($"No reason explainer for {card.Version}: {ex.Message}; it will serve without reason codes.");
        }
    }
}
