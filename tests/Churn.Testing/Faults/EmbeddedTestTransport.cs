using Churn.Core.Transport.Embedded;
using Churn.Core.Transport;

namespace Churn.Testing.Faults;

public sealed class EmbeddedTestTransport(EmbeddedTransportOptions options) : ITestTransport
{
    private readonly EmbeddedEventLog _log = new(options);

    public string Name => "embedded";
    public PipelineTopicsOptions Topics { get; } = new();
    public IEventPublisher CreatePublisher() => _log.CreatePublisher();
    public IEventConsumer CreateConsumer(string groupId) => _log.CreateConsumer(groupId);
    public void Dispose() => _log.Dispose();
}
