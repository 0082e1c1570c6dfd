using Microsoft.ML.OnnxRuntime;

namespace Churn.Benchmarks.Scoring;

/// <summary>Session settings a tuning benchmark varies (the serving scorer fixes sequential, ENABLE_ALL, inter-op 1).</summary>
public sealed record SessionTuning(int IntraOpThreads = 1, bool AllowSpinning = false,
    GraphOptimizationLevel Optimization = GraphOptimizationLevel.ORT_ENABLE_ALL, ExecutionMode Mode = ExecutionMode.ORT_SEQUENTIAL);
