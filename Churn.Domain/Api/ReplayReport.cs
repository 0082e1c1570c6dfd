namespace Churn.Domain.Api;

/// <summary>Response of POST /api/admin/replay.</summary>
/// <param name="Source">The replayed file, e.g. <c>csv:churn-bigml-20.csv</c>.</param>
/// <param name="Published">Rows published as events.</param>
/// <param name="Rejected">Rows that failed the contract (dead-lettered with a reason).</param>
/// <param name="DeliveryFailures">Rows the transport did not accept.</param>
public sealed record ReplayReport(string Source, int Published, int Rejected, int DeliveryFailures);
