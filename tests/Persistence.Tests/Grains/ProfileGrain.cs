namespace VibeCoder.Persistence.Tests.Grains;

/// <summary>Grain state through <c>[PersistentState]</c> on the default storage.</summary>
public sealed class ProfileGrain([PersistentState("profile")] IPersistentState<ProfileState> profile) : Grain, IProfileGrain
{
    public Task Set(ProfileState state)
    {
        profile.State = state;
        return profile.WriteStateAsync();
    }

    public Task<ProfileState> Get() => Task.FromResult(profile.State);

    public Task<bool> RecordExists() => Task.FromResult(profile.RecordExists);

    public Task Clear() => profile.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
