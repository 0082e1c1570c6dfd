using BenchmarkDotNet.Running;
using Churn.Benchmarks.Api;
using Churn.Benchmarks.Pipeline;
using Churn.Benchmarks.Reasons;
using Churn.Benchmarks.Scoring;
using Churn.Benchmarks.Setup;
using Churn.Benchmarks.Soak;
using Churn.Benchmarks.Store;
using Churn.Benchmarks.Transport;

// dotnet run -c Release --project tests/Churn.Benchmarks -- <suite> [options]   (docs/performance.md)
var suite = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
try
{
    return suite switch
    {
        "scoring" => await RunScoringAsync(rest),
        "store" => await StoreLoad.RunAsync(rest, Console.Out),
        "transport" => TransportLoad.Run(rest, Console.Out),
        "pipeline" => await RunPipelineAsync(rest),
        "pipeline-compare" => await RunPipelineComparisonAsync(rest),
        "seed-store" => await SeedStore.RunAsync(rest, Console.Out),
        "api-load" => await ApiLoad.RunAsync(rest, Console.Out),
        "soak" => await FaultSoak.RunAsync(rest, Console.Out),
        "reasons" => await ReasonCost.RunAsync(rest, Console.Out),
        _ => Usage(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{suite}: {e.Message}");
    return 2;
}

static async Task<int> RunScoringAsync(string[] benchmarkArgs)
{
    await BenchModel.EnsureAsync(Console.Out);
    ScoringParity.Report(Console.Out);
    BenchmarkSwitcher.FromTypes([typeof(ScoringBenchmarks), typeof(SessionTuningBenchmarks)])
        .Run(benchmarkArgs.Length == 0 ? ["--filter", "*ScoringBenchmarks*"] : benchmarkArgs, BenchmarkConfig.Create());
    return 0;
}

static async Task<int> RunPipelineAsync(string[] options)
{
    await BenchModel.EnsureAsync(Console.Out);
    return await PipelineLoad.RunAsync(options, Console.Out);
}

static async Task<int> RunPipelineComparisonAsync(string[] options)
{
    await BenchModel.EnsureAsync(Console.Out); // once, before the runs
    return await PipelineComparison.RunAsync(options, Console.Out);
}

static int Usage()
{
    Console.Error.WriteLine("""
        Usage: dotnet run -c Release --project tests/Churn.Benchmarks -- <suite> [options]
          scoring   [BenchmarkDotNet args]   ONNX Runtime vs ML.NET PredictionEngine (default filter *ScoringBenchmarks*;
                                             --filter "*SessionTuning*" for the session tuning suite)
          store     [--rows N] [--dir folder] [--reasons off|both]   SQLite upsert throughput, batches of 100/500/2000, insert
                    vs re-upsert (both: each batch size without and with the bench model's reasons, side by side)
          transport [--messages N] [--publishers P] [--rounds R]   embedded log publish -> consume throughput
          pipeline  --events N --rate R --db <sqlite file> --json <summary file> [--batch N] [--intra N] [--runs N]
                    [--transport embedded|kafka] [--workers N] [--fetch-wait-ms N] [--challenger <dir>|none]
                    [--composition worker|api] [--exporter none|otlp] [--reasons on|off]
                    the pipeline end to end: the embedded flow (default), or Kafka (librdkafka's mock cluster in this
                    process, or KAFKA_BOOTSTRAP_SERVERS) with N scoring hosts in one consumer group on one SQLite file
                    (overrides: worker batch size, ORT intra-op threads, Runs per batch, the consumers' fetch.wait.max.ms;
                    --challenger: a challenger slot scored in shadow, waited for after the timed window;
                    --composition api: inside Churn.Api's own composition, telemetry on; --exporter otlp: exported;
                    --reasons off: the model served without its reason explainer)
          pipeline-compare [--compare transports|challenger|compositions|reasons] [--repeats 3] [--events 100000] [--rate 5000]
                    [--paced-events 30000] [--fetch-wait-ms 10] [--dir folder] [--db-dir folder]
                    transports: embedded vs kafka x1 vs kafka x2 (and with that fetch wait; 0 = not); challenger: the
                    embedded flow without vs with a challenger in shadow; compositions: pipeline only vs Churn.Api's vs
                    that + OTLP; reasons: the embedded flow with reason codes off vs on; at max rate and at --rate,
                    alternating, each run a fresh process; one table, ratios vs the first flow
          seed-store --db <sqlite file> [--predictions N] [--days D] [--customers C]
                    fills a store with N predictions of realistic customers scored by the real model
          api-load  --url http://127.0.0.1:PORT --scenario predictions|score (--rate R | --concurrency N)
                    [--duration S] [--warmup S] [--timeout S] [--json <summary file>]
                    load a running Api on loopback: open loop at R req/s, or closed loop with N workers
          reasons   [--rows 20000] [--rounds 5]
                    the cost per row of the served tree-path reasons and of TreeSHAP beside ONNX Runtime's scoring, and
                    how often the two methods agree on the top reasons
          soak      [--minutes M] [--seed S] [--transport embedded|kafka]
                    the fault-injection suite over and over with consecutive seeds; stops at the first failing seed
        """);
    return 1;
}
