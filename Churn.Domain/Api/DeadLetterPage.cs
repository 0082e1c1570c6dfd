using System.ComponentModel;
using Churn.Domain.DeadLetters;

namespace Churn.Domain.Api;

public sealed record DeadLetterPage(
    [property: Description("Newest first (by deadLetteredAt, then by position in the dead-letter topic).")] IReadOnlyList<DeadLetter> Items,
    [property: Description("Every recorded dead letter.")] long Total,
    int Page,
    int PageSize,
    [property: Description("Every recorded dead letter counted by reason kind, most frequent first.")] IReadOnlyList<ReasonKindCount> ByReasonKind);
