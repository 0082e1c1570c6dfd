using Churn.Testing;

// One Kafka cluster for the whole test run of this assembly (librdkafka's mock cluster, or KAFKA_BOOTSTRAP_SERVERS).
[assembly: AssemblyFixture(typeof(KafkaCluster))]
