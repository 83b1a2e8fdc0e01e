using System.Diagnostics.Metrics;

namespace VibeCoder.Gateway.Telegram;

/// <summary>
/// The counter <c>vibecoder.telegram.bot.intake</c> (tag <c>result</c>: accepted, ignored, malformed, unauthorized,
/// too_large, failed) on the meter "VibeCoder.Telegram.Bot".
/// </summary>
internal sealed class TelegramIntakeMetrics
{
    private readonly Counter<long> _intake;

    public TelegramIntakeMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Grains.Telegram.Diagnostics.BotStatistics.MeterName);
        _intake = meter.CreateCounter<long>("vibecoder.telegram.bot.intake", "{update}", "Updates offered to the bot by result.");
    }

    public void Received(IntakeOutcome outcome) => Record(outcome switch
    {
        IntakeOutcome.Accepted => "accepted",
        IntakeOutcome.Ignored => "ignored",
        _ => "malformed",
    });

    public void Refused(string result) => Record(result);

    private void Record(string result) => _intake.Add(1, new KeyValuePair<string, object?>("result", result));
}
