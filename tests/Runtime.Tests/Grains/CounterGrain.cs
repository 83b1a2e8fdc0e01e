namespace VibeCoder.Runtime.Tests.Grains;

public sealed class CounterGrain(LifecycleLog log) : Grain, ICounterGrain
{
    private readonly Guid _activationId = Guid.NewGuid();
    private int _value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        log.Record(GrainId, "activate");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        log.Record(GrainId, "deactivate:" + reason);
        return Task.CompletedTask;
    }

    public Task<int> Add(int amount) => Task.FromResult(_value += amount);

    public Task<int> Get() => Task.FromResult(_value);

    public Task Reset()
    {
        _value = 0;
        return Task.CompletedTask;
    }

    public Task Fail(string message) => throw new InvalidOperationException(message);

    public Task<Guid> GetActivationId() => Task.FromResult(_activationId);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async ValueTask<int> AddValue(int amount)
    {
        await Task.Yield();
        return _value += amount;
    }

    public ValueTask Touch() => ValueTask.CompletedTask;

    public Task<List<int>> AppendToList(List<int> items, int value)
    {
        items.Add(value);
        return Task.FromResult(items);
    }

    public Task<ICounterGrain> Self() => Task.FromResult(this.AsReference<ICounterGrain>());
}
