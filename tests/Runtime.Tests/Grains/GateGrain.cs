namespace VibeCoder.Runtime.Tests.Grains;

public sealed class GateGrain(Gates gates, LifecycleLog log) : Grain, IGateGrain
{
    private readonly Guid _activationId = Guid.NewGuid();
    private int _inside;
    private int _max;
    private string? _deactivationGate;

    public Task<int> ReadWait(string gate) => Wait(gate);

    public Task<int> WriteWait(string gate) => Wait(gate);

    public Task<int> Ping() => Task.FromResult(_inside);

    public Task Hang() => new TaskCompletionSource().Task;

    public Task<int> MaxConcurrency() => Task.FromResult(_max);

    public Task DeactivateSlowly(string gate)
    {
        _deactivationGate = gate;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<Guid> GetActivationId() => Task.FromResult(_activationId);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_deactivationGate is { } gate)
        {
            log.Record(GrainId, "deactivating");
            await gates.WaitAsync(gate);
        }

        log.Record(GrainId, "deactivated");
    }

    private async Task<int> Wait(string gate)
    {
        _inside++;
        _max = Math.Max(_max, _inside);
        log.Record(GrainId, "entered:" + gate);
        await gates.WaitAsync(gate);
        _inside--;
        return _max;
    }
}
