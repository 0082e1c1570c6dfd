using System.Diagnostics;

namespace Churn.Core.Storage.Sqlite;

/// <summary>The SQLite store's ActivitySource: one client span per write or query.</summary>
public static class SqliteTelemetry
{
    public const string Name = "Churn.Store.Sqlite";

    public static readonly ActivitySource Source = new(Name);
}
