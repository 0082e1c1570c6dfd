namespace Churn.Api.Tests;

/// <summary>The Api started with an empty model directory.</summary>
public sealed class NoModelApiFactory : ApiFactory
{
    protected override bool StartWithModel => false;
}
