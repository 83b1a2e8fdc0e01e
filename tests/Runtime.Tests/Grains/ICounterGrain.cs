namespace VibeCoder.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithIntegerKey
{
    Task<int> Add(int amount);

    [ReadOnly]
    Task<int> Get();

    Task Reset();

    Task Fail(string message);

    Task<Guid> GetActivationId();

    Task Deactivate();

    ValueTask<int> AddValue(int amount);

    ValueTask Touch();

    Task<List<int>> AppendToList(List<int> items, int value);

    Task<ICounterGrain> Self();
}
