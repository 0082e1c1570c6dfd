namespace Churn.Web.Tests;

/// <summary>The browser tests share one <see cref="BrowserFixture"/> (one Api, one Web, one Chromium).</summary>
[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
