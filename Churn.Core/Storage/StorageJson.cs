using System.Text.Json;
using System.Text.Json.Serialization;
using Churn.Core.Customers;
using Churn.Core.Models;

namespace Churn.Core.Storage;

/// <summary>
/// Source-generated camelCase JSON for what the stores keep as documents: the customer's features (SQLite column
/// <c>customer</c>) and model cards (SQLite <c>models.card</c>, MongoDB <c>models</c>).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CustomerRecord))]
[JsonSerializable(typeof(ModelCard))]
internal sealed partial class StorageJson : JsonSerializerContext;
