using VibeCoder.Runtime.Storage;

namespace VibeCoder.Runtime.Tests.Grains;

public sealed record ProfileState
{
    public string? Name { get; init; }

    public int Version { get; init; }
}

public interface IStatefulGrain : IGrainWithStringKey
{
    Task SetName(string name);

    Task<ProfileState> Get();

    Task<string?> GetEtag();

    Task Clear();

    Task Deactivate();
}

public sealed class StatefulGrain([PersistentState("profile")] IPersistentState<ProfileState> profile) : Grain, IStatefulGrain
{
    public async Task SetName(string name)
    {
        profile.State = profile.State with { Name = name, Version = profile.State.Version + 1 };
        await profile.WriteStateAsync();
    }

    public Task<ProfileState> Get() => Task.FromResult(profile.State);

    public Task<string?> GetEtag() => Task.FromResult(profile.Etag);

    public Task Clear() => profile.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
