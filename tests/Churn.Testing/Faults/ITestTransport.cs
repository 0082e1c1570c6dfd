using Churn.Core.Transport;

namespace Churn.Testing.Faults;

/// <summary>The event transport of one leg of the fault suite: the in-process log, or Kafka over the wire.</summary>
public interface ITestTransport : IDisposable
{
    string Name { get; }
    PipelineTopicsOptions Topics { get; }
    IEventPublisher CreatePublisher();
    IEventConsumer CreateConsumer(string groupId);
}
