namespace VibeCoder.Runtime.Tests.Grains;

public interface IGateGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<int> ReadWait(string gate);

    Task<int> WriteWait(string gate);

    [AlwaysInterleave]
    Task<int> Ping();

    Task Hang();

    Task<int> MaxConcurrency();

    Task DeactivateSlowly(string gate);

    Task<Guid> GetActivationId();
}
