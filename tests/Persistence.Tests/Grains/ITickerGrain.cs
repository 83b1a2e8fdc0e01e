namespace VibeCoder.Persistence.Tests.Grains;

[Alias("test.ticker")]
public interface ITickerGrain : IGrainWithStringKey
{
    [Alias("start")] Task Start(TimeSpan period);
}
