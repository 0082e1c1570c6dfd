using System.Text.Json;
using System.Text.Json.Serialization;
using Churn.Domain.Customers;
using Churn.Domain.Predictions;

namespace Churn.Core.Storage;

/// <summary>
/// Source-generated camelCase JSON for what the stores keep as documents: the customer's features (SQLite column
/// <c>customer</c>) and the prediction's reason codes (column <c>reasons</c>). Model cards use <see cref="Churn.Domain.Models.ModelCardJson"/>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CustomerRecord))]
[JsonSerializable(typeof(PredictionReasons))]
internal sealed partial class StorageJson : JsonSerializerContext;
