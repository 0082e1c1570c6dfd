using Churn.Domain.Customers;
using Churn.Domain.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Churn.Trainer.Data;

/// <summary>
/// ML.NET views of customers: the single <c>Features</c> vector that <see cref="ChurnFeatures"/> builds (the ONNX
/// model's only input) plus, for training, the <c>Label</c>. The unlabelled view is what the ONNX export is traced from,
/// so the exported graph has no label input.
/// </summary>
public static class FeatureViews
{
    public const string FeaturesColumn = "Features";
    public const string LabelColumn = "Label";
    public const string ProbabilityColumn = "Probability";

    public static IDataView Labelled(MLContext ml, IEnumerable<CustomerRecord> customers) =>
        ml.Data.LoadFromEnumerable(
            customers.Select(c => new LabelledRow { Features = ChurnFeatures.Build(c), Label = c.Churn == true }),
            WithVectorSize(SchemaDefinition.Create(typeof(LabelledRow))));

    public static IDataView Unlabelled(MLContext ml, IEnumerable<CustomerRecord> customers) =>
        ml.Data.LoadFromEnumerable(
            customers.Select(c => new FeatureRow { Features = ChurnFeatures.Build(c) }),
            WithVectorSize(SchemaDefinition.Create(typeof(FeatureRow))));

    public static float[] Probabilities(ITransformer model, IDataView view) =>
        model.Transform(view).GetColumn<float>(ProbabilityColumn).ToArray();

    private static SchemaDefinition WithVectorSize(SchemaDefinition schema)
    {
        schema[FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ChurnFeatures.Count);
        return schema;
    }

    private sealed class FeatureRow
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class LabelledRow
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }
}
