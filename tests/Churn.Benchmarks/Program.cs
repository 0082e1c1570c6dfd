using BenchmarkDotNet.Running;
using Churn.Benchmarks.Pipeline;
using Churn.Benchmarks.Scoring;
using Churn.Benchmarks.Setup;
using Churn.Benchmarks.Store;
using Churn.Benchmarks.Transport;

// dotnet run -c Release --project tests/Churn.Benchmarks -- <suite> [options]   (docs/performance.md)
var suite = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
switch (suite)
{
    case "scoring":
        await BenchModel.EnsureAsync(Console.Out);
        ScoringParity.Report(Console.Out);
        BenchmarkSwitcher.FromTypes([typeof(ScoringBenchmarks), typeof(SessionTuningBenchmarks)])
            .Run(rest.Length == 0 ? ["--filter", "*ScoringBenchmarks*"] : rest, BenchmarkConfig.Create());
        return 0;
    case "store":
        return await StoreLoad.RunAsync(rest, Console.Out);
    case "transport":
        return TransportLoad.Run(rest, Console.Out);
    case "pipeline":
        await BenchModel.EnsureAsync(Console.Out);
        return await PipelineLoad.RunAsync(rest, Console.Out);
    default:
        Console.Error.WriteLine("""
            Usage: dotnet run -c Release --project tests/Churn.Benchmarks -- <suite> [options]
              scoring   [BenchmarkDotNet args]   ONNX Runtime vs ML.NET PredictionEngine (default filter *ScoringBenchmarks*;
                                                 --filter "*SessionTuning*" for the session tuning suite)
              store     [--rows N] [--db file]   SQLite upsert throughput, batches of 100/500/2000, insert vs re-upsert
              transport [--messages N] [--publishers P]   embedded log publish -> consume throughput
              pipeline  --events N --rate R --db <sqlite file> --json <summary file> [--batch N] [--intra N] [--runs N]
                                                 embedded flow end to end (overrides: worker batch, ORT threads/Runs)
            """);
        return 1;
}
