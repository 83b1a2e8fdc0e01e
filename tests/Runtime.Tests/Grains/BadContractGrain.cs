namespace VibeCoder.Runtime.Tests.Grains;

public interface IBadContractGrain : IGrainWithStringKey
{
    Task Upload(System.IO.Stream content);
}

/// <summary>Registered only by the test that expects start-up to reject its contract.</summary>
public sealed class BadContractGrain : Grain, IBadContractGrain
{
    public Task Upload(System.IO.Stream content) => Task.CompletedTask;
}
