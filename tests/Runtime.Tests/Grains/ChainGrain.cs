namespace VibeCoder.Runtime.Tests.Grains;

public interface IChainGrain : IGrainWithStringKey
{
    Task<string> CallAndComeBack(IChainGrain other);

    Task<string> CallBack(IChainGrain origin);

    Task<string> Echo(string text);
}

/// <summary>A → B → A: only call-chain reentrancy lets this finish in a non-reentrant grain.</summary>
public sealed class ChainGrain : Grain, IChainGrain
{
    public async Task<string> CallAndComeBack(IChainGrain other) =>
        await other.CallBack(this.AsReference<IChainGrain>());

    public async Task<string> CallBack(IChainGrain origin) =>
        await origin.Echo("back from " + GetPrimaryKeyString());

    public Task<string> Echo(string text) => Task.FromResult($"{GetPrimaryKeyString()} heard '{text}'");
}
