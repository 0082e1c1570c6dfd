namespace Churn.Core.Ingest;

public enum IngestMode { None, Csv, Synthetic }
