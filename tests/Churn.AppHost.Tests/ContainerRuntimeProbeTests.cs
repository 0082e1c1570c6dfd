using Churn.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Churn.AppHost.Tests;

public class ContainerRuntimeProbeTests
{
    [Fact]
    public void A_runtime_that_is_not_installed_is_reported_as_such_without_throwing()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create("ASPIRE_CONTAINER_RUNTIME", (string?)"churn-no-such-runtime")])
            .Build();

        var status = ContainerRuntimeProbe.Probe(configuration);

        Assert.False(status.IsAvailable);
        Assert.Equal("churn-no-such-runtime is not installed", status.Description);
    }
}
