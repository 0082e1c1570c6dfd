using BenchmarkDotNet.Running;
using Churn.Benchmarks;

return args.FirstOrDefault() switch
{
    "pipeline" => await PipelineCommand.RunAsync(args[1..]),
    "scoring" => RunScoring(args[1..]),
    _ => Usage(),
};

static int RunScoring(string[] args)
{
    BenchmarkSwitcher.FromTypes([typeof(OnnxScoringBenchmarks), typeof(PredictionEngineBenchmarks)])
        .RunAll(ScoringBenchmarkConfig.Create(), args);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          scoring  [BenchmarkDotNet options]   ONNX Runtime batched (1/64/1024 rows × 1/2 intra-op threads) vs ML.NET PredictionEngine
          pipeline --events N [--rate R] [--db file] [--json file] [--model dir] [--batch N]
                                               the embedded flow end to end; writes a JSON summary
        """);
    return 2;
}
