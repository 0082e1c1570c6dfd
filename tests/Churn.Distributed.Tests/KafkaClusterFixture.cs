using Churn.Testing;

// One Kafka cluster for the whole run (librdkafka's mock cluster in this process, or KAFKA_BOOTSTRAP_SERVERS); the
// service processes reach it over TCP like any broker. Each test uses its own topics and consumer group.
[assembly: AssemblyFixture(typeof(KafkaCluster))]

// The tests start several service processes each; run them one at a time so two cores are not shared by two topologies.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
