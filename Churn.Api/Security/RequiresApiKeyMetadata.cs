namespace Churn.Api.Security;

/// <summary>Marks endpoints that require the API key (read by the OpenAPI transformer).</summary>
public sealed class RequiresApiKeyMetadata;
