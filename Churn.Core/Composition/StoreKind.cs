namespace Churn.Core.Composition;

/// <summary>Which prediction store a service uses (configuration <c>Churn:Store</c>).</summary>
public enum StoreKind
{
    /// <summary>A SQLite file (<c>Churn:Sqlite:Path</c>, WAL: writers take turns, any number of reading processes).</summary>
    Sqlite,

    /// <summary>MongoDB at <c>ConnectionStrings:mongodb</c>.</summary>
    MongoDB,
}
