using System.Text.Json;
using System.Text.Json.Serialization;
using Churn.Domain.Customers;

namespace Churn.Core.Storage;

/// <summary>
/// Source-generated camelCase JSON for what the stores keep as documents: the customer's features (SQLite column
/// <c>customer</c>; the reason codes have their own compact form, <see cref="Sqlite.SqliteReasonsColumn"/>). Model cards
/// use <see cref="Churn.Domain.Models.ModelCardJson"/>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CustomerRecord))]
internal sealed partial class StorageJson : JsonSerializerContext;
