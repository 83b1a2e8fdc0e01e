namespace VibeCoder.Silo.Tests.Grains;

public interface ITallyGrain : IGrainWithIntegerKey
{
    Task<int> Add(int amount, string by);

    [ReadOnly]
    Task<TallyState> Get();

    Task Fail(string message);

    Task Remind(TimeSpan period);
}
