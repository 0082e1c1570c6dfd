using System.Diagnostics;
using Churn.Benchmarks.Setup;
using Churn.Core.Transport;
using Churn.Core.Transport.Embedded;

namespace Churn.Benchmarks.Transport;

/// <summary>
/// The embedded log end to end (the harness docs/transport.md first described): publisher thread(s) send N 400-byte
/// messages keyed over 5,000 customers; one consumer thread in a group reads them all, storing offsets every 500
/// messages (as the worker does after each write), then closes (commits).
/// </summary>
public static class TransportLoad
{
    private const string Topic = "load";
    private const int StoreEvery = 500;

    public static int Run(string[] args, TextWriter output)
    {
        var options = LoadOptions.Parse(args);
        var messages = options.Int("--messages", 2_000_000);
        var publishers = options.Int("--publishers", 1);
        output.WriteLine($"Embedded transport: {messages:N0} messages, {publishers} publisher(s), 1 consumer, {Environment.ProcessorCount} cores");
        for (var round = 1; round <= options.Int("--rounds", 3); round++)
        {
            var (elapsed, delivered) = Measure(messages, publishers);
            output.WriteLine($"  round {round}: {messages / elapsed.TotalSeconds,12:N0} msg/s end to end ({elapsed.TotalMilliseconds:N0} ms), delivered {delivered:N0}");
            if (delivered != messages)
            {
                output.WriteLine("  FAILED: not every message was delivered");
                return 1;
            }
        }
        return 0;
    }

    private static (TimeSpan Elapsed, long Delivered) Measure(int messages, int publishers)
    {
        using var log = new EmbeddedEventLog();
        var value = new byte[400];
        var consumer = log.CreateConsumer("scoring");
        consumer.Subscribe(Topic);
        var clock = Stopwatch.StartNew();
        var consuming = Task.Factory.StartNew(() => Consume(consumer, messages), TaskCreationOptions.LongRunning);
        long delivered = 0;
        var publishing = Enumerable.Range(0, publishers).Select(p => Task.Factory.StartNew(() =>
        {
            using var publisher = log.CreatePublisher();
            for (var i = p; i < messages; i += publishers)
            {
                publisher.Publish(Topic, new EventMessage($"customer-{i % 5000}", value, []),
                    report => { if (report.Delivered) Interlocked.Increment(ref delivered); });
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(publishing);
        consuming.Wait();
        return (clock.Elapsed, Interlocked.Read(ref delivered));
    }

    private static void Consume(IEventConsumer consumer, int messages)
    {
        var pending = new Dictionary<int, long>();
        for (var count = 1; count <= messages; count++)
        {
            var e = consumer.Consume(TimeSpan.FromSeconds(5)) ?? throw new TimeoutException($"consumer stalled after {count - 1} messages");
            pending[e.Partition] = e.Offset + 1;
            if (count % StoreEvery == 0)
            {
                consumer.StoreOffsets(pending.Select(p => new PartitionOffset(Topic, p.Key, p.Value)));
                pending.Clear();
            }
        }
        consumer.StoreOffsets(pending.Select(p => new PartitionOffset(Topic, p.Key, p.Value)));
        consumer.Close();
    }
}
