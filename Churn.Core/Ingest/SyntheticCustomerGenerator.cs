using System.Globalization;
using Churn.Domain.Customers;
using Churn.Domain.Models;

namespace Churn.Core.Ingest;

/// <summary>
/// Draws realistic customers from the model card's training statistics: state, area code and plans by their training
/// shares; usage from a normal with the training mean and spread, clamped to the training [min, max]; charges =
/// minutes × the BigML tariff (day 0.17, eve 0.085, night 0.045, intl 0.27 per minute), rounded to the cent; voice-mail
/// messages only with a voice-mail plan. A <see cref="ChurnLikeShare"/> of customers get one of the profiles that
/// drive churn in this data (heavy day use, many service calls, an international plan with heavy or frustrated
/// international use), so the predicted churn rate looks like production's. Deterministic for a seed.
/// </summary>
public sealed class SyntheticCustomerGenerator(ModelCard card, int seed, double churnLikeShare = 0.145)
{
    private const double DayRate = 0.17, EveRate = 0.085, NightRate = 0.045, IntlRate = 0.27;
    private readonly Random _random = new(seed);
    private readonly IReadOnlyDictionary<string, FeatureStatistics> _stats = card.FeatureStatistics;
    private readonly Dictionary<string, CategoryShares> _shares = [];

    public double ChurnLikeShare { get; } = churnLikeShare;

    public CustomerRecord Next()
    {
        var profile = _random.NextDouble() < ChurnLikeShare ? _random.Next(3) : -1;
        var voiceMail = Category(nameof(CustomerRecord.VoiceMailPlan)) == "yes";
        var intlPlan = profile == 2 || Category(nameof(CustomerRecord.InternationalPlan)) == "yes";
        var day = Amount(nameof(CustomerRecord.TotalDayMinutes), shift: profile == 0 ? 2.0 : 0);
        var eve = Amount(nameof(CustomerRecord.TotalEveMinutes));
        var night = Amount(nameof(CustomerRecord.TotalNightMinutes));
        var intl = Amount(nameof(CustomerRecord.TotalIntlMinutes), shift: profile == 2 ? 1.5 : 0);
        return new CustomerRecord
        {
            State = Category(nameof(CustomerRecord.State)),
            AccountLength = Count(nameof(CustomerRecord.AccountLength)),
            AreaCode = int.Parse(Category(nameof(CustomerRecord.AreaCode)), CultureInfo.InvariantCulture),
            InternationalPlan = intlPlan,
            VoiceMailPlan = voiceMail,
            NumberVmailMessages = voiceMail ? VoiceMailMessages() : 0,
            TotalDayMinutes = day,
            TotalDayCalls = Count(nameof(CustomerRecord.TotalDayCalls)),
            TotalDayCharge = Charge(nameof(CustomerRecord.TotalDayCharge), day, DayRate),
            TotalEveMinutes = eve,
            TotalEveCalls = Count(nameof(CustomerRecord.TotalEveCalls)),
            TotalEveCharge = Charge(nameof(CustomerRecord.TotalEveCharge), eve, EveRate),
            TotalNightMinutes = night,
            TotalNightCalls = Count(nameof(CustomerRecord.TotalNightCalls)),
            TotalNightCharge = Charge(nameof(CustomerRecord.TotalNightCharge), night, NightRate),
            TotalIntlMinutes = intl,
            TotalIntlCalls = Count(nameof(CustomerRecord.TotalIntlCalls), shift: profile == 2 ? -1.0 : 0),
            TotalIntlCharge = Charge(nameof(CustomerRecord.TotalIntlCharge), intl, IntlRate),
            CustomerServiceCalls = profile == 1
                ? Math.Max(4, Count(nameof(CustomerRecord.CustomerServiceCalls), shift: 2.5))
                : Count(nameof(CustomerRecord.CustomerServiceCalls)),
        };
    }

    private string Category(string feature)
    {
        if (!_shares.TryGetValue(feature, out var shares))
        {
            _shares[feature] = shares = new CategoryShares(Stat(feature).Categories
                ?? throw new InvalidOperationException($"model card has no category shares for {feature}"));
        }
        var draw = _random.NextDouble() * shares.Total;
        for (var i = 0; i < shares.Levels.Length; i++)
        {
            if ((draw -= shares.Shares[i]) < 0)
            {
                return shares.Levels[i];
            }
        }
        return shares.Levels[^1];
    }

    /// <summary>A feature's levels and shares in the card's order, and their total, taken once (the generator runs per event).</summary>
    private sealed class CategoryShares(IReadOnlyDictionary<string, double> categories)
    {
        public string[] Levels { get; } = [.. categories.Keys];
        public double[] Shares { get; } = [.. categories.Values];
        public double Total { get; } = categories.Values.Sum();
    }

    /// <summary>Normal(mean + shift·sd, sd) clamped to the training range, rounded to 0.1 like the data.</summary>
    private double Amount(string feature, double shift = 0)
    {
        var s = Stat(feature);
        var value = s.Mean + (shift + Gaussian()) * s.StdDev;
        return Math.Round(Math.Clamp(value, s.Min, s.Max), 1);
    }

    private int Count(string feature, double shift = 0)
    {
        var s = Stat(feature);
        return (int)Math.Clamp(Math.Round(s.Mean + (shift + Gaussian()) * s.StdDev), Math.Ceiling(s.Min), Math.Floor(s.Max));
    }

    private double Charge(string feature, double minutes, double rate)
    {
        var s = Stat(feature);
        return Math.Clamp(Math.Round(minutes * rate, 2), s.Min, s.Max);
    }

    /// <summary>The training mean covers everyone; with a plan the mean is the mean over the plan's share.</summary>
    private int VoiceMailMessages()
    {
        var s = Stat(nameof(CustomerRecord.NumberVmailMessages));
        var share = Stat(nameof(CustomerRecord.VoiceMailPlan)).Categories?.GetValueOrDefault("yes") ?? 0.3;
        var mean = s.Mean / Math.Max(share, 0.01);
        return (int)Math.Clamp(Math.Round(mean + Gaussian() * s.StdDev / 2), 1, s.Max);
    }

    private FeatureStatistics Stat(string feature) =>
        _stats.TryGetValue(feature, out var s) ? s
        : throw new InvalidOperationException($"model card has no training statistics for {feature}");

    private double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
