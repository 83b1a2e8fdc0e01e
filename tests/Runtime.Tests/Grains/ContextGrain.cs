namespace VibeCoder.Runtime.Tests.Grains;

public interface IContextGrain : IGrainWithStringKey
{
    Task<string?> Read(string key);

    Task<string?> ReadThrough(IContextGrain next, string key);
}

public sealed class ContextGrain : Grain, IContextGrain
{
    public Task<string?> Read(string key) => Task.FromResult(RequestContext.Get(key));

    public Task<string?> ReadThrough(IContextGrain next, string key) => next.Read(key);
}
